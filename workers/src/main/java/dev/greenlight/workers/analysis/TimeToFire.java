package dev.greenlight.workers.analysis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;

/**
 * How long a canary must last before a verdict can mean anything: an alarm cannot fire before
 * {@code DatapointsToAlarm} (or {@code EvaluationPeriods}) breaching periods of {@code Period} seconds
 * have been published, and the load balancer publishes each 60-second period only after it ends.
 *
 * <p>ALB "measures and sends its metrics in 60-second intervals" (Elastic Load Balancing User
 * Guide, CloudWatch metrics for your Application Load Balancer). AWS publishes no figure for how
 * late a period's data point reaches CloudWatch after the period ends; we allow one more period
 * ({@link #PUBLICATION_DELAY}) and say so here rather than claim a documented number.
 */
public final class TimeToFire {

    public static final Duration ALB_PERIOD = Duration.ofSeconds(60);
    /** Not published by AWS: one ALB period, our allowance for a data point to arrive after its period ends. */
    public static final Duration PUBLICATION_DELAY = Duration.ofSeconds(60);
    /** The analysis needs one whole published ALB period: the period plus its publication delay. */
    public static final Duration ANALYSIS_MINIMUM = ALB_PERIOD.plus(PUBLICATION_DELAY);

    /** One alarm's time to fire, or the reason it cannot be computed (composite alarms depend on others). */
    public record AlarmTime(String alarm, Duration timeToFire) {
        public long minutes() {
            return (timeToFire.getSeconds() + 59) / 60;
        }
    }

    private TimeToFire() {
    }

    /** Period × DatapointsToAlarm (EvaluationPeriods when unset) + the publication delay. */
    public static Duration of(int periodSeconds, Integer datapointsToAlarm, int evaluationPeriods) {
        int datapoints = datapointsToAlarm != null && datapointsToAlarm > 0 ? datapointsToAlarm : evaluationPeriods;
        return Duration.ofSeconds((long) periodSeconds * Math.max(1, datapoints)).plus(PUBLICATION_DELAY);
    }

    /** A metric alarm's time to fire; a metric-math alarm uses the longest period among its metrics. */
    public static AlarmTime of(MetricAlarm alarm) {
        int period = alarm.period() != null ? alarm.period() : 0;
        for (MetricDataQuery query : alarm.metrics()) {
            if (query.metricStat() != null && query.metricStat().period() != null) {
                period = Math.max(period, query.metricStat().period());
            }
            if (query.period() != null) {
                period = Math.max(period, query.period());
            }
        }
        int evaluationPeriods = alarm.evaluationPeriods() == null ? 1 : alarm.evaluationPeriods();
        return new AlarmTime(alarm.alarmName(), of(Math.max(period, 1), alarm.datapointsToAlarm(), evaluationPeriods));
    }

    /**
     * Every reason a canary of {@code canaryMinutes} is too short: below the analysis minimum, or
     * shorter than an alarm's time to fire (each named with its minimum). Empty when long enough.
     */
    public static List<String> tooShort(int canaryMinutes, List<AlarmTime> alarms) {
        List<String> problems = new ArrayList<>();
        Duration canary = Duration.ofMinutes(canaryMinutes);
        if (canary.compareTo(ANALYSIS_MINIMUM) < 0) {
            problems.add("canary.minutes " + canaryMinutes + " is shorter than the analysis needs: at least "
                    + ANALYSIS_MINIMUM.toMinutes() + " minutes (one 60-second load balancer period and its "
                    + "publication delay)");
        }
        for (AlarmTime alarm : alarms) {
            if (canary.compareTo(alarm.timeToFire()) < 0) {
                problems.add("canary.minutes " + canaryMinutes + " is shorter than alarm " + alarm.alarm()
                        + " needs to fire: at least " + alarm.minutes() + " minutes (Period x DatapointsToAlarm "
                        + "plus " + PUBLICATION_DELAY.getSeconds() + " s for the load balancer to publish)");
            }
        }
        return problems;
    }
}
