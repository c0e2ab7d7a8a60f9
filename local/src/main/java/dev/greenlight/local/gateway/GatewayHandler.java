package dev.greenlight.local.gateway;

import dev.greenlight.local.aws.ecr.DistributionApi;
import dev.greenlight.local.http.Replies;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The gateway's HTTP side: reads a request's body without holding a thread while it arrives, never
 * past {@link RequestBodies#limit} (a larger declared length is refused before a byte of it is
 * read), and hands the whole request to the {@link Dispatcher}, or, under {@code /v2/}, to the
 * ECR twin's registry.
 */
final class GatewayHandler extends Handler.Abstract {

    private final Services services;
    private final Dispatcher dispatcher;
    private final DistributionApi registry;
    private final Map<String, Function<String, Optional<String>>> twinOnlyPages;

    /** {@code registry} serves {@code /v2/} when not null; {@code twinOnlyPages} answer GETs by path. */
    GatewayHandler(Services services, Dispatcher dispatcher, DistributionApi registry,
            Map<String, Function<String, Optional<String>>> twinOnlyPages) {
        this.services = services;
        this.dispatcher = dispatcher;
        this.registry = registry;
        this.twinOnlyPages = twinOnlyPages;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        WireRequest head = head(request);
        if (head.method().equals("GET") && head.rawPath().equals(Health.PATH)) {
            Replies.send(response, callback, 200, Map.of("Content-Type", "application/json"), Health.of(services));
            return true;
        }
        Function<String, Optional<String>> page = twinOnlyPages.get(head.rawPath());
        if (head.method().equals("GET") && page != null) {
            Optional<String> text = page.apply(head.rawQuery());
            Replies.send(response, callback, text.isPresent() ? 200 : 404, Map.of("Content-Type", "text/plain"),
                    (text.orElse("not found") + "\n").getBytes(StandardCharsets.UTF_8));
            return true;
        }
        if (registry != null && DistributionApi.serves(head.rawPath())) {
            Replies.readBody(request, RequestBodies.REGISTRY_LIMIT, callback,
                    () -> Replies.send(response, callback, 413, Map.of(), new byte[0]), body -> {
                        DistributionApi.Reply reply = registry.serve(head.method(), head.rawPath(), head.rawQuery(),
                                head::header, body);
                        Replies.send(response, callback, reply.status(), reply.headers(), reply.body());
                    });
            return true;
        }
        int limit = RequestBodies.limit(head);
        Replies.readBody(request, limit, callback,
                () -> send(response, callback, dispatcher.refuse(head, ErrorReply.tooLarge(limit))), body -> {
                    try {
                        send(response, callback, dispatcher.serve(head.withBody(body)));
                    } catch (RuntimeException | Error bug) {
                        callback.failed(bug); // a bug in the gateway: Jetty answers 500, the connection is not left hanging
                    }
                });
        return true;
    }

    static WireRequest head(Request request) {
        Map<String, List<String>> headers = new HashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getLowerCaseName(), name -> new ArrayList<>()).add(field.getValue());
        }
        return new WireRequest(request.getMethod().toUpperCase(Locale.ROOT), request.getHttpURI().getPath(),
                request.getHttpURI().getQuery(), Map.copyOf(headers), new byte[0]);
    }

    private static void send(Response response, Callback callback, WireResponse answer) {
        Replies.send(response, callback, answer.status(), answer.headers(), answer.body());
    }
}
