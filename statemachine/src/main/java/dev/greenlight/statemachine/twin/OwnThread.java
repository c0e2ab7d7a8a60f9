package dev.greenlight.statemachine.twin;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.greenlight.local.aws.lambda.FunctionCode;
import dev.greenlight.local.clock.Clock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.CompletableFuture;

/**
 * A worker that spends time in real time: on a thread of its own, as on Lambda, so the clock's one
 * thread (CodeDeploy, alarms, the execution) never waits for it; its answer comes back on the clock.
 */
final class OwnThread {

    private OwnThread() {
    }

    static FunctionCode code(Clock clock, String name, RequestStreamHandler worker) {
        return payload -> {
            CompletableFuture<byte[]> result = new CompletableFuture<>();
            Thread thread = new Thread(() -> {
                try {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    worker.handleRequest(new ByteArrayInputStream(payload), out, null);
                    clock.execute(() -> result.complete(out.toByteArray()));
                } catch (Throwable e) {
                    clock.execute(() -> result.completeExceptionally(e));
                }
            }, "greenlight-" + name);
            thread.setDaemon(true);
            thread.start();
            return result;
        };
    }
}
