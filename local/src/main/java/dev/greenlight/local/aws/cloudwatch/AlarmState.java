package dev.greenlight.local.aws.cloudwatch;

import java.time.Instant;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/** An alarm's state as DescribeAlarms shows it; {@code reasonData} is JSON or null. */
public record AlarmState(StateValue value, String reason, String reasonData, Instant timestamp) {

    static AlarmState initial(Instant now) {
        return new AlarmState(StateValue.INSUFFICIENT_DATA, "Unchecked: Initial alarm creation", null, now);
    }
}
