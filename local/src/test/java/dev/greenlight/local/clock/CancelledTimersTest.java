package dev.greenlight.local.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A cancelled timer lets go of its action well before its due time: an execution's year-long limit and a task's
 * default ~3-year timeout are cancelled when they end, and must not hold the execution until then.
 */
class CancelledTimersTest {

    private static List<WeakReference<Object>> scheduleAndCancel(Clock clock, int count) {
        List<WeakReference<Object>> held = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Object payload = new byte[1024];
            held.add(new WeakReference<>(payload));
            clock.schedule(Duration.ofDays(365), () -> payload.hashCode()).cancel();
        }
        return held;
    }

    private static long stillHeld(List<WeakReference<Object>> held) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return held.stream().filter(reference -> reference.get() != null).count();
    }

    @Test
    void virtualClock_dropsCancelledTimersOnceTheyAreMostOfItsQueue() {
        VirtualClock clock = new VirtualClock();
        clock.schedule(Duration.ofDays(400), () -> { });

        List<WeakReference<Object>> held = scheduleAndCancel(clock, 1000);

        assertThat(stillHeld(held)).isLessThanOrEqualTo(64);
        assertThat(clock.isIdle()).isFalse();
        clock.runUntilIdle();
        assertThat(clock.now()).isEqualTo(new VirtualClock().now().plus(Duration.ofDays(400)));
    }

    @Test
    void realClock_dropsACancelledTimerAtOnce() {
        try (RealClock clock = new RealClock()) {
            List<WeakReference<Object>> held = scheduleAndCancel(clock, 100);

            assertThat(stillHeld(held)).isZero();
        }
    }
}
