package dev.greenlight.local.aws.cloudwatch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

/**
 * A single-metric alarm as PutMetricAlarm configured it. {@code statistic} is either one of the
 * five standard statistics or, when {@code extended}, a percentile such as {@code p99}.
 */
record AlarmDefinition(
        String name,
        String arn,
        String description,
        MetricKey metric,
        String statistic,
        boolean extended,
        StandardUnit unit,
        int periodSeconds,
        int evaluationPeriods,
        int datapointsToAlarm,
        double threshold,
        ComparisonOperator comparison,
        MissingDataTreatment treatMissingData,
        boolean actionsEnabled,
        List<String> alarmActions,
        List<String> okActions,
        List<String> insufficientDataActions,
        Instant configurationUpdated) {

    Duration period() {
        return Duration.ofSeconds(periodSeconds);
    }

    AlarmDefinition withActionsEnabled(boolean enabled) {
        return new AlarmDefinition(name, arn, description, metric, statistic, extended, unit, periodSeconds,
                evaluationPeriods, datapointsToAlarm, threshold, comparison, treatMissingData, enabled, alarmActions,
                okActions, insufficientDataActions, configurationUpdated);
    }

    MetricAlarm toMetricAlarm(AlarmState state) {
        MetricAlarm.Builder alarm = MetricAlarm.builder()
                .alarmName(name)
                .alarmArn(arn)
                .alarmDescription(description)
                .alarmConfigurationUpdatedTimestamp(configurationUpdated)
                .actionsEnabled(actionsEnabled)
                .okActions(okActions)
                .alarmActions(alarmActions)
                .insufficientDataActions(insufficientDataActions)
                .stateValue(state.value())
                .stateReason(state.reason())
                .stateReasonData(state.reasonData())
                .stateUpdatedTimestamp(state.timestamp())
                .stateTransitionedTimestamp(state.timestamp())
                .namespace(metric.namespace())
                .metricName(metric.metricName())
                .dimensions(metric.dimensions())
                .period(periodSeconds)
                .unit(unit)
                .evaluationPeriods(evaluationPeriods)
                .datapointsToAlarm(datapointsToAlarm)
                .threshold(threshold)
                .comparisonOperator(comparison)
                .treatMissingData(treatMissingData.value());
        return extended ? alarm.extendedStatistic(statistic).build() : alarm.statistic(statistic).build();
    }
}
