package dev.greenlight.local.aws.cloudformation;

import java.time.Duration;
import java.util.Objects;

/**
 * Whether a resource has reached what CloudFormation waits for after the call that made, changed
 * or removed it ("resource stabilization"): done, failed with the reason its events give, or not
 * yet, to be looked at again after a while on the twin's clock.
 */
public record Stabilization(Outcome outcome, String reason, Duration again) {

    public enum Outcome { DONE, FAILED, WAITING }

    public static final Stabilization DONE = new Stabilization(Outcome.DONE, null, Duration.ZERO);

    public Stabilization {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(again, "again");
    }

    public static Stabilization failed(String reason) {
        return new Stabilization(Outcome.FAILED, Objects.requireNonNull(reason, "reason"), Duration.ZERO);
    }

    public static Stabilization lookAgainIn(Duration again) {
        return new Stabilization(Outcome.WAITING, null, again);
    }
}
