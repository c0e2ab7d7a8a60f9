package dev.greenlight.cli.console;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.cli.CliError;
import dev.greenlight.cli.aws.Aws;
import dev.greenlight.cli.history.ReportFormat;
import dev.greenlight.local.http.Replies;
import dev.greenlight.workers.config.GreenlightConfig;
import dev.greenlight.workers.core.Worker;
import dev.greenlight.workers.pipeline.AuditReport;
import dev.greenlight.workers.pipeline.ExecutionHistory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;

/**
 * The console's HTTP face: the page and its script and style (from the jar), the JSON the page polls,
 * the audit report's downloads, and the two actions, which need the session's {@link CsrfToken}.
 * Requests must name the console's own address as their host, so a site that points its name at
 * 127.0.0.1 (DNS rebinding) cannot read the page or the token.
 */
final class ConsoleHandler extends Handler.Abstract {

    /** An action's body is a reason or an image reference: a few hundred bytes. */
    private static final int MAX_BODY = 16 * 1024;
    private static final String API = "/api/executions/";

    private final Aws aws;
    private final ConsoleActions actions;
    private final GreenlightConfig config;
    private final CsrfToken token = CsrfToken.random();
    private volatile int port;
    private JsonNode graph;

    ConsoleHandler(Aws aws, GreenlightConfig config) {
        this.aws = aws;
        this.config = config;
        this.actions = new ConsoleActions(aws, config);
    }

    void servesOn(int port) {
        this.port = port;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getPath();
        String method = request.getMethod();
        if (!ownHost(request.getHeaders().get("Host"))) {
            message(response, callback, 403, "This console answers only at http://127.0.0.1:" + port + "/.");
            return true;
        }
        try {
            if (method.equals("POST")) {
                post(request, response, callback, path);
            } else if (!method.equals("GET")) {
                message(response, callback, 405, "The console takes GET, and POST for its actions.");
            } else {
                get(request, response, callback, path);
            }
        } catch (CliError e) {
            message(response, callback, 409, e.getMessage());
        } catch (SdkException e) {
            message(response, callback, e instanceof ExecutionDoesNotExistException ? 404 : 502,
                    aws.explain(e).getMessage());
        }
        return true;
    }

    private void get(Request request, Response response, Callback callback, String path) {
        Fields query = Request.extractQueryParameters(request);
        switch (path) {
            case "/", "/index.html" -> send(response, callback, 200, "text/html; charset=utf-8",
                    asset("index.html").replace("{{token}}", token.value()).getBytes(StandardCharsets.UTF_8));
            case "/console.js" -> send(response, callback, 200, "text/javascript; charset=utf-8",
                    asset("console.js").getBytes(StandardCharsets.UTF_8));
            case "/console.css" -> send(response, callback, 200, "text/css; charset=utf-8",
                    asset("console.css").getBytes(StandardCharsets.UTF_8));
            case "/api/overview" -> json(response, callback, 200, Overview.of(aws, config,
                    blankToNull(query.getValue("service")), blankToNull(query.getValue("outcome"))));
            case "/api/graph" -> json(response, callback, 200, graph());
            default -> {
                if (path.startsWith(API) && path.endsWith("/report.md")) {
                    download(response, callback, name(path, "/report.md"), ReportFormat.markdown, "md",
                            "text/markdown; charset=utf-8");
                } else if (path.startsWith(API) && path.endsWith("/report.json")) {
                    download(response, callback, name(path, "/report.json"), ReportFormat.json, "json",
                            "application/json");
                } else if (path.startsWith(API) && path.indexOf('/', API.length()) < 0) {
                    json(response, callback, 200, ExecutionView.of(aws, name(path, "")));
                } else {
                    message(response, callback, 404, "No such page: " + path + ". Open http://127.0.0.1:" + port
                            + "/.");
                }
            }
        }
    }

    private void post(Request request, Response response, Callback callback, String path) {
        if (!token.matches(request.getHeaders().get(CsrfToken.HEADER))) {
            message(response, callback, 403, "Refused: this request does not carry the console's token, so it may "
                    + "come from another site. Act from the console's own page (reload it if the console "
                    + "restarted).");
            return;
        }
        Replies.readBody(request, MAX_BODY, callback,
                () -> message(response, callback, 413, "An action's body is at most " + MAX_BODY + " bytes."),
                body -> act(path, body, response, callback));
    }

    private void act(String path, byte[] body, Response response, Callback callback) {
        try {
            JsonNode form = body.length == 0 ? Worker.JSON.createObjectNode() : Worker.JSON.readTree(body);
            String said;
            if (path.startsWith(API) && path.endsWith("/approve")) {
                said = actions.answer(name(path, "/approve"), true, text(form, "reason"));
            } else if (path.startsWith(API) && path.endsWith("/reject")) {
                said = actions.answer(name(path, "/reject"), false, text(form, "reason"));
            } else if (path.equals("/api/releases")) {
                said = actions.start(text(form, "service"), text(form, "image"), text(form, "approval"),
                        text(form, "reason"));
            } else {
                message(response, callback, 404, "No such action: " + path + ".");
                return;
            }
            message(response, callback, 200, said);
        } catch (IOException e) {
            message(response, callback, 400, "The body is not JSON.");
        } catch (CliError e) {
            message(response, callback, 409, e.getMessage());
        } catch (SdkException e) {
            message(response, callback, 502, aws.explain(e).getMessage());
        } catch (Exception e) {
            callback.failed(e);
        }
    }

    private void download(Response response, Callback callback, String execution, ReportFormat format,
            String extension, String type) {
        String report = format.render(AuditReport.of(ExecutionHistory.of(aws.sfn(), aws.executionArn(execution))));
        response.getHeaders().put("Content-Disposition", "attachment; filename=\"" + execution + "." + extension
                + "\"");
        send(response, callback, 200, type, report.getBytes(StandardCharsets.UTF_8));
    }

    /** The definition's graph, read once: the console shows the pipeline it was started against. */
    private synchronized JsonNode graph() {
        if (graph == null) {
            String definition = aws.sfn().describeStateMachine(r -> r.stateMachineArn(aws.stateMachineArn()))
                    .definition();
            graph = Worker.JSON.valueToTree(PipelineGraph.of(AuditReport.json(definition)));
        }
        return graph;
    }

    private boolean ownHost(String host) {
        return ("127.0.0.1:" + port).equals(host) || ("localhost:" + port).equals(host);
    }

    /** {@code /api/executions/NAME/suffix} names its execution; a name is letters, digits, '-' and '_'. */
    private static String name(String path, String suffix) {
        String name = path.substring(API.length(), path.length() - suffix.length());
        if (!name.matches("[A-Za-z0-9_-]{1,80}")) {
            throw new CliError("'" + name + "' is not an execution name.");
        }
        return name;
    }

    private static String text(JsonNode form, String field) {
        return form.hasNonNull(field) ? form.get(field).asText() : null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String asset(String name) {
        try (InputStream in = ConsoleHandler.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the console's " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void message(Response response, Callback callback, int status, String message) {
        json(response, callback, status, Worker.JSON.createObjectNode().put("message", message));
    }

    private static void json(Response response, Callback callback, int status, Object body) {
        try {
            send(response, callback, status, "application/json", Worker.JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            callback.failed(e);
        }
    }

    private static void send(Response response, Callback callback, int status, String type, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", type);
        headers.put("Cache-Control", "no-store");
        // Nothing but the console's own script and style, and no framing by another page (clickjacking).
        headers.put("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; base-uri 'none'");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        Replies.send(response, callback, status, headers, body);
    }
}
