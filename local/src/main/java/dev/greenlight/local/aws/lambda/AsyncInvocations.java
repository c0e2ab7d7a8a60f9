package dev.greenlight.local.aws.lambda;

import dev.greenlight.local.clock.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Invocations of type Event: queued and run on the clock. A function error is retried twice, one
 * minute after the first attempt and two minutes after the second, as Lambda does by default.
 */
final class AsyncInvocations {

    static final List<Duration> RETRY_DELAYS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(2));

    private final Clock clock;
    private final FunctionRun runs;

    AsyncInvocations(Clock clock, FunctionRun runs) {
        this.clock = clock;
        this.runs = runs;
    }

    void enqueue(LocalFunction function, byte[] payload, String requestId) {
        clock.execute(() -> attempt(function, payload, requestId, 0));
    }

    private void attempt(LocalFunction function, byte[] payload, String requestId, int retries) {
        runs.run(function, payload, requestId).thenAccept(result -> {
            if (result.functionError() && retries < RETRY_DELAYS.size()) {
                clock.schedule(RETRY_DELAYS.get(retries), () -> attempt(function, payload, requestId, retries + 1));
            }
        });
    }
}
