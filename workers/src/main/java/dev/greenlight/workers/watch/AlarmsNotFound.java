package dev.greenlight.workers.watch;

import java.util.List;

/**
 * Watched alarms that CloudWatch does not have: nothing can be watched, so the release is not let
 * through (the state machine rolls back). Create the alarms or fix the service's {@code alarms}.
 */
public final class AlarmsNotFound extends RuntimeException {

    public AlarmsNotFound(List<String> missing) {
        super("CloudWatch has no alarm named " + String.join(", ", missing) + ": create it, or fix the service's "
                + "\"alarms\" in greenlight.json (alarm names are case-sensitive)");
    }
}
