package dev.greenlight.local.aws.lambda;

import dev.greenlight.local.clock.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Runs a function's code once, racing it against the function's Timeout on the clock. */
final class FunctionRun {

    private final Clock clock;

    FunctionRun(Clock clock) {
        this.clock = clock;
    }

    CompletableFuture<InvocationResult> run(LocalFunction function, byte[] payload, String requestId) {
        CompletableFuture<InvocationResult> result = new CompletableFuture<>();
        int timeout = function.settings().timeoutSeconds();
        Clock.Timer timer = clock.schedule(Duration.ofSeconds(timeout), () -> result.complete(
                new InvocationResult(ErrorPayload.timedOut(clock.now(), requestId, timeout), true)));
        result.whenComplete((done, thrown) -> timer.cancel());
        start(function.code(), payload).whenComplete((response, thrown) -> result.complete(thrown == null
                ? new InvocationResult(response, false)
                : new InvocationResult(errorPayload(unwrap(thrown)), true)));
        return result;
    }

    /** A handler that throws instead of failing its future is a function error all the same. */
    private static CompletableFuture<byte[]> start(FunctionCode code, byte[] payload) {
        try {
            return code.invoke(payload);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static byte[] errorPayload(Throwable thrown) {
        return thrown instanceof RuntimeStartFailure failure ? ErrorPayload.runtimeFailure(failure)
                : ErrorPayload.unhandled(thrown);
    }

    private static Throwable unwrap(Throwable thrown) {
        return thrown instanceof CompletionException && thrown.getCause() != null ? thrown.getCause() : thrown;
    }
}
