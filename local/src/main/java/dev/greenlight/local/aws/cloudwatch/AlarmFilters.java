package dev.greenlight.local.aws.cloudwatch;

import java.util.function.Predicate;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsForMetricRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/** DescribeAlarms' and DescribeAlarmsForMetric's filters as predicates over alarms. */
final class AlarmFilters {

    private static final int MAX_NAMES = 100;

    private AlarmFilters() {
    }

    static Predicate<Alarm> of(DescribeAlarmsRequest request) {
        boolean byNames = request.hasAlarmNames() && !request.alarmNames().isEmpty();
        if (byNames && request.alarmNamePrefix() != null) {
            throw CloudWatchErrors.invalidParameterCombination(
                    "AlarmNamePrefix and AlarmNames cannot be specified together.");
        }
        if (byNames && request.alarmNames().size() > MAX_NAMES) {
            throw CloudWatchErrors.validationError("1 validation error detected: Value at 'alarmNames' failed to"
                    + " satisfy constraint: Member must have length less than or equal to " + MAX_NAMES);
        }
        if (request.stateValue() == StateValue.UNKNOWN_TO_SDK_VERSION) {
            throw CloudWatchErrors.validationError("1 validation error detected: Value '"
                    + request.stateValueAsString() + "' at 'stateValue' failed to satisfy constraint: Member must"
                    + " satisfy enum value set: [INSUFFICIENT_DATA, ALARM, OK]");
        }
        Predicate<Alarm> filter = alarm -> true;
        if (byNames) {
            filter = filter.and(alarm -> request.alarmNames().contains(alarm.definition().name()));
        }
        if (request.alarmNamePrefix() != null) {
            filter = filter.and(alarm -> alarm.definition().name().startsWith(request.alarmNamePrefix()));
        }
        if (request.stateValue() != null) {
            filter = filter.and(alarm -> alarm.state().value() == request.stateValue());
        }
        if (request.actionPrefix() != null) {
            filter = filter.and(alarm -> hasActionWithPrefix(alarm.definition(), request.actionPrefix()));
        }
        return filter;
    }

    /** Only metric alarms exist in the twin; "if you omit this parameter, only metric alarms are returned". */
    static boolean wantsMetricAlarms(DescribeAlarmsRequest request) {
        return !request.hasAlarmTypes() || request.alarmTypes().isEmpty()
                || request.alarmTypes().contains(AlarmType.METRIC_ALARM);
    }

    static Predicate<Alarm> of(DescribeAlarmsForMetricRequest request) {
        if (request.metricName() == null) {
            throw CloudWatchErrors.required("metricName");
        }
        if (request.namespace() == null) {
            throw CloudWatchErrors.required("namespace");
        }
        MetricKey metric = new MetricKey(request.namespace(), request.metricName(), request.dimensions());
        // "If the metric has any associated dimensions, you must specify them in order for the call to succeed."
        Predicate<Alarm> filter = alarm -> alarm.definition().metric().equals(metric);
        if (request.statistic() != null) {
            filter = filter.and(alarm -> !alarm.definition().extended()
                    && alarm.definition().statistic().equals(request.statisticAsString()));
        }
        if (request.extendedStatistic() != null) {
            filter = filter.and(alarm -> alarm.definition().extended()
                    && alarm.definition().statistic().equals(request.extendedStatistic()));
        }
        if (request.period() != null) {
            filter = filter.and(alarm -> alarm.definition().periodSeconds() == request.period());
        }
        if (request.unit() != null) {
            filter = filter.and(alarm -> alarm.definition().unit() == request.unit());
        }
        return filter;
    }

    private static boolean hasActionWithPrefix(AlarmDefinition alarm, String prefix) {
        return alarm.alarmActions().stream().anyMatch(a -> a.startsWith(prefix))
                || alarm.okActions().stream().anyMatch(a -> a.startsWith(prefix))
                || alarm.insufficientDataActions().stream().anyMatch(a -> a.startsWith(prefix));
    }
}
