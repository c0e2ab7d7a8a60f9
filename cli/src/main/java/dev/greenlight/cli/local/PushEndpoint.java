package dev.greenlight.cli.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.http.LoopbackServer;
import dev.greenlight.local.http.Replies;
import dev.greenlight.local.twin.DemoService;
import dev.greenlight.local.twin.LocalTwin;
import dev.greenlight.workers.core.Worker;
import java.io.IOException;
import java.util.Map;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * A twin-only endpoint for {@code greenlight push}, beside the gateway: {@code greenlight push} has
 * no image to push, only a profile, and building one and pushing it through the registry ({@code /v2/})
 * or ECR's layer-upload API takes a client's work, so {@code POST /push {"repository", "tag", "profile"}}
 * builds the sample app's image and
 * pushes it into the ECR twin in-process. From there it is an ordinary push: ECR emits its event and
 * EventBridge starts the pipeline, as in AWS. Answers {@code {"imageUri"}}, or 4xx {@code {"message"}}
 * for every refusal (a wrong path or method, a body that is not a JSON object, one over 64 KiB, a
 * profile that names no app profile, refused before anything is pushed).
 */
public final class PushEndpoint extends Handler.Abstract implements AutoCloseable {

    /** A push names a repository, a tag and a profile: a few hundred bytes. */
    static final int MAX_BODY = 64 * 1024;

    private final LocalTwin twin;
    private LoopbackServer server;

    private PushEndpoint(LocalTwin twin) {
        this.twin = twin;
    }

    /** Listens on a free port of 127.0.0.1. */
    public static PushEndpoint start(LocalTwin twin) {
        PushEndpoint endpoint = new PushEndpoint(twin);
        endpoint.server = LoopbackServer.start("push-endpoint", 0, endpoint);
        return endpoint;
    }

    public String url() {
        return "http://127.0.0.1:" + server.port() + "/push";
    }

    @Override
    public void close() {
        server.close();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!request.getHttpURI().getPath().equals("/push")) {
            answer(response, callback, 404, "no such path: pushes go to POST /push");
            return true;
        }
        if (!request.getMethod().equals("POST")) {
            answer(response, callback, 405, "use POST");
            return true;
        }
        Replies.readBody(request, MAX_BODY, callback,
                () -> answer(response, callback, 413, "a push body is at most " + MAX_BODY + " bytes"),
                body -> push(body, response, callback));
        return true;
    }

    private void push(byte[] body, Response response, Callback callback) {
        JsonNode push;
        try {
            push = Worker.JSON.readTree(body);
        } catch (IOException e) {
            answer(response, callback, 400, "the body is not JSON: send {\"repository\", \"tag\", \"profile\"}");
            return;
        }
        if (push == null || !push.isObject()) {
            answer(response, callback, 400, "the body must be a JSON object {\"repository\", \"tag\", \"profile\"}");
            return;
        }
        try {
            String imageUri = DemoService.push(twin, push.path("repository").asText(), push.path("tag").asText(),
                    push.path("profile").asText());
            send(response, callback, 200, Map.of("imageUri", imageUri));
        } catch (RuntimeException e) {
            answer(response, callback, 400, refusal(e));
        }
    }

    /**
     * The ECR twin's refusals (no such repository, tag already used) as AWS words them: the error code and
     * message, without the SDK's "(Service: …, Status Code: …, Request ID: …)" suffix.
     */
    static String refusal(RuntimeException e) {
        if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
            return aws.awsErrorDetails().errorCode() + ": " + aws.awsErrorDetails().errorMessage();
        }
        return String.valueOf(e.getMessage());
    }

    private static void answer(Response response, Callback callback, int status, String message) {
        send(response, callback, status, Map.of("message", message));
    }

    private static void send(Response response, Callback callback, int status, Map<String, String> body) {
        try {
            Replies.send(response, callback, status, Map.of("Content-Type", "application/json"),
                    Worker.JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            callback.failed(e);
        }
    }
}
