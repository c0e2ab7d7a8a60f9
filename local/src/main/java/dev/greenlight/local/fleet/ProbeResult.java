package dev.greenlight.local.fleet;

import java.time.Duration;

/** One health check's answer, with ELB's reason code and description when it failed. */
public record ProbeResult(boolean passed, String reason, String description) {

    public static ProbeResult pass() {
        return new ProbeResult(true, null, null);
    }

    public static ProbeResult timedOut() {
        return new ProbeResult(false, TargetHealth.REASON_TIMEOUT, "Request timed out");
    }

    public static ProbeResult unreachable() {
        return new ProbeResult(false, TargetHealth.REASON_FAILED, "Health checks failed");
    }

    /** The verdict on an answer with {@code status} after {@code latency}. */
    public static ProbeResult of(int status, Duration latency, HealthCheck check) {
        if (latency.compareTo(check.timeout()) > 0) {
            return timedOut();
        }
        if (!check.matcher().matches(status)) {
            return new ProbeResult(false, TargetHealth.REASON_CODE_MISMATCH,
                    "Health checks failed with these codes: [" + status + "]");
        }
        return pass();
    }
}
