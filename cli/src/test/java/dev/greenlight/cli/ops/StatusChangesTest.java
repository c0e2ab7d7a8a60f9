package dev.greenlight.cli.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What status --watch prints after the first block: the changed lines, stamped, the outcome last. */
class StatusChangesTest {

    private static final Instant AT = Instant.parse("2026-01-01T13:05:12Z");
    private static final List<String> CANARY = List.of("orders-2_0-abc: RUNNING, in WatchCanary",
            "  deployment: d-1 (InProgress)", "  traffic:    orders-blue 90% [##################--] 10% orders-green",
            "  alarms:     orders-blue-5xx (blue) OK, orders-green-5xx (green) OK");

    @Test
    void nothingChanged_printsNothing() {
        assertThat(StatusChanges.between(CANARY, CANARY, false, AT)).isEmpty();
    }

    @Test
    void aChange_printsOnlyTheLinesThatChanged_eachStampedWithTheTime() {
        List<String> bake = List.of("orders-2_0-abc: RUNNING, in WatchBake", CANARY.get(1),
                "  traffic:    orders-blue 0% [--------------------] 100% orders-green", CANARY.get(3));

        assertThat(StatusChanges.between(CANARY, bake, false, AT)).containsExactly(
                "13:05:12  orders-2_0-abc: RUNNING, in WatchBake",
                "13:05:12    traffic:    orders-blue 0% [--------------------] 100% orders-green");
    }

    @Test
    void theEnd_printsWhatChanged_andTheFinalStateLineLast() {
        List<String> failed = List.of("orders-2_0-abc: FAILED, in AlarmFired", "  deployment: d-1 (Stopped)",
                CANARY.get(2), "  alarms:     orders-blue-5xx (blue) OK, orders-green-5xx (green) ALARM",
                "  error:      Greenlight.AlarmFired: An alarm fired while orders:2.0 was watched.",
                "              alarm orders-green-5xx (green) in ALARM since 13:05:00 UTC: Threshold Crossed");

        assertThat(StatusChanges.between(CANARY, failed, true, AT)).containsExactly(
                "13:05:12    deployment: d-1 (Stopped)",
                "13:05:12    alarms:     orders-blue-5xx (blue) OK, orders-green-5xx (green) ALARM",
                "13:05:12    error:      Greenlight.AlarmFired: An alarm fired while orders:2.0 was watched.",
                "13:05:12                alarm orders-green-5xx (green) in ALARM since 13:05:00 UTC: Threshold Crossed",
                "13:05:12  orders-2_0-abc: FAILED, in AlarmFired");
    }
}
