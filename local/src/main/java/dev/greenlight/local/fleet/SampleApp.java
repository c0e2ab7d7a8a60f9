package dev.greenlight.local.fleet;

import dev.greenlight.local.clock.Clock;
import dev.greenlight.local.http.LoopbackServer;
import dev.greenlight.local.http.Replies;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The sample app as a real HTTP server on an ephemeral loopback port. It answers {@code /}
 * and {@link AppBehaviour#HEALTH_PATH} as its profile says, reports its version in a header
 * and the body, and adds its latency by scheduling the answer on the clock instead of sleeping
 * (no thread waits for it).
 */
final class SampleApp extends Handler.Abstract implements AutoCloseable {

    private final AppBehaviour behaviour;
    private final Clock clock;
    private LoopbackServer server;

    private SampleApp(AppBehaviour behaviour, Clock clock) {
        this.behaviour = behaviour;
        this.clock = clock;
    }

    static SampleApp start(AppProfile profile, Clock clock) {
        if (profile.crashesAtStart()) {
            throw new AppCrashedException(profile.version());
        }
        SampleApp app = new SampleApp(new AppBehaviour(profile), clock);
        app.server = LoopbackServer.start("sample-app-" + profile.version(), 0, app);
        return app;
    }

    Endpoint endpoint() {
        return Endpoint.loopback(server.port());
    }

    @Override
    public void close() {
        server.close();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = behaviour.status(request.getHttpURI().getPath());
        if (behaviour.profile().addedLatency().isZero()) {
            respond(response, callback, status);
        } else {
            clock.schedule(behaviour.profile().addedLatency(), () -> respond(response, callback, status));
        }
        return true;
    }

    private void respond(Response response, Callback callback, int status) {
        String version = behaviour.profile().version();
        byte[] body = ("{\"version\":\"" + version + "\",\"status\":" + status + "}")
                .getBytes(StandardCharsets.UTF_8);
        Replies.send(response, callback, status,
                Map.of(UserResponse.VERSION_HEADER, version, "Content-Type", "application/json"), body);
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
