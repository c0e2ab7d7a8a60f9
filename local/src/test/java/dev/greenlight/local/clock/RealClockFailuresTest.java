package dev.greenlight.local.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An action that throws on the wall clock is reported, and the actions after it still run. */
class RealClockFailuresTest {

    @Test
    void aFailingAction_isReported_andTheNextActionStillRuns() throws InterruptedException {
        List<RuntimeException> reported = new CopyOnWriteArrayList<>();
        CountDownLatch next = new CountDownLatch(1);
        try (RealClock clock = new RealClock(reported::add)) {
            clock.execute(() -> {
                throw new IllegalStateException("a stack step broke");
            });
            clock.schedule(Duration.ofMillis(1), next::countDown);

            assertThat(next.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(reported).singleElement().extracting(Throwable::getMessage).isEqualTo("a stack step broke");
    }
}
