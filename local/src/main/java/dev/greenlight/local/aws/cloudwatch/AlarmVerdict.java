package dev.greenlight.local.aws.cloudwatch;

import java.util.List;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * The outcome of one evaluation: the state the alarm should be in, the real datapoints it was
 * decided on (newest first), how many missing periods were filled in by TreatMissingData and
 * how many of all these breach.
 */
record AlarmVerdict(StateValue state, List<PeriodValue> evaluated, int filledMissing, int breaching) {
}
