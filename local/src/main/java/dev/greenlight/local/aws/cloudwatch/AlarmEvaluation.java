package dev.greenlight.local.aws.cloudwatch;

import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * How CloudWatch decides an alarm's state from the periods of its evaluation range, as
 * "Alarm evaluation" and "Configuring how CloudWatch alarms treat missing data" describe it:
 * <ul>
 *   <li>with at least EvaluationPeriods (N) real datapoints in the range, the N most recent are
 *       evaluated and TreatMissingData is not used; ALARM when DatapointsToAlarm (M) breach;</li>
 *   <li>with none, the treatment decides: missing → INSUFFICIENT_DATA, ignore → keep the state,
 *       breaching → ALARM, notBreaching → OK;</li>
 *   <li>with some, breaching and notBreaching fill in as few missing periods as needed to reach N;
 *       missing and ignore evaluate only the real ones, keeping the state when they cannot decide.
 *       For missing, a breaching datapoint at least M periods old with only breaching or missing
 *       periods after it is enough for ALARM ("avoiding premature transitions").</li>
 * </ul>
 * Pure: returns empty when the alarm keeps its current state.
 */
final class AlarmEvaluation {

    private AlarmEvaluation() {
    }

    /** AWS does not publish the rule; its documented example retrieves 5 periods for 3 evaluation periods. */
    static int evaluationRange(int evaluationPeriods) {
        return evaluationPeriods + 2;
    }

    /** {@code range} holds the periods of the evaluation range, newest first. */
    static Optional<AlarmVerdict> evaluate(AlarmDefinition alarm, List<PeriodValue> range) {
        int n = alarm.evaluationPeriods();
        int m = alarm.datapointsToAlarm();
        List<PeriodValue> real = range.stream().filter(p -> !p.isMissing()).toList();
        if (real.size() >= n) {
            List<PeriodValue> evaluated = real.subList(0, n);
            int breaching = breaching(alarm, evaluated);
            return Optional.of(new AlarmVerdict(breaching >= m ? StateValue.ALARM : StateValue.OK, evaluated, 0,
                    breaching));
        }
        return switch (alarm.treatMissingData()) {
            case BREACHING -> Optional.of(filled(alarm, real, true));
            case NOT_BREACHING -> Optional.of(filled(alarm, real, false));
            case MISSING -> real.isEmpty()
                    ? Optional.of(new AlarmVerdict(StateValue.INSUFFICIENT_DATA, real, 0, 0))
                    : partial(alarm, range, real, true);
            case IGNORE -> real.isEmpty() ? Optional.empty() : partial(alarm, range, real, false);
        };
    }

    private static AlarmVerdict filled(AlarmDefinition alarm, List<PeriodValue> real, boolean missingBreaches) {
        int filled = alarm.evaluationPeriods() - real.size();
        int breaching = breaching(alarm, real) + (missingBreaches ? filled : 0);
        StateValue state = breaching >= alarm.datapointsToAlarm() ? StateValue.ALARM : StateValue.OK;
        return new AlarmVerdict(state, real, filled, breaching);
    }

    private static Optional<AlarmVerdict> partial(AlarmDefinition alarm, List<PeriodValue> range,
            List<PeriodValue> real, boolean avoidPrematureAlarm) {
        int breaching = breaching(alarm, real);
        int notBreaching = real.size() - breaching;
        if (breaching >= alarm.datapointsToAlarm() || (avoidPrematureAlarm && oldBreachSinceUnbroken(alarm, range))) {
            return Optional.of(new AlarmVerdict(StateValue.ALARM, real, 0, breaching));
        }
        if (notBreaching > alarm.evaluationPeriods() - alarm.datapointsToAlarm()) {
            return Optional.of(new AlarmVerdict(StateValue.OK, real, 0, breaching));
        }
        return Optional.empty();
    }

    /**
     * "The oldest available breaching data point in the alarm's evaluation range is at least as
     * old as the value of Datapoints to Alarm, and all other more recent data points are
     * breaching or missing."
     */
    private static boolean oldBreachSinceUnbroken(AlarmDefinition alarm, List<PeriodValue> range) {
        for (int age = 1; age <= range.size(); age++) {
            PeriodValue period = range.get(age - 1);
            if (period.isMissing()) {
                continue;
            }
            if (!breaches(alarm, period)) {
                return false;
            }
            if (age >= alarm.datapointsToAlarm()) {
                return true;
            }
        }
        return false;
    }

    private static int breaching(AlarmDefinition alarm, List<PeriodValue> periods) {
        return (int) periods.stream().filter(p -> breaches(alarm, p)).count();
    }

    private static boolean breaches(AlarmDefinition alarm, PeriodValue period) {
        return Threshold.breaches(alarm.comparison(), period.value(), alarm.threshold());
    }
}
