package dev.greenlight.local.aws.cloudwatch;

import dev.greenlight.local.aws.LocalAccount;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/**
 * PutMetricAlarm's validation for single-metric alarms with a static threshold. AWS rejects
 * these rule violations with {@code ValidationError}; alarms on metric math and anomaly
 * detection bands are refused with a message saying the twin does not model them.
 */
final class AlarmRules {

    static final int MAX_NAME = 255;
    static final int MAX_ACTIONS = 5;
    /** "An alarm's total current evaluation period can be no longer than seven days." */
    static final int MAX_EVALUATION_SECONDS = 7 * 24 * 3600;
    private static final Pattern ARN = Pattern.compile("arn:[^:]+:[^:]+:[^:]*:[^:]*:.+");

    private AlarmRules() {
    }

    static AlarmDefinition check(PutMetricAlarmRequest request, Instant now) {
        String name = request.alarmName();
        if (name == null) {
            throw CloudWatchErrors.required("alarmName");
        }
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw CloudWatchErrors.validationError("1 validation error detected: Value '" + name
                    + "' at 'alarmName' failed to satisfy constraint: Member must have length between 1 and 255");
        }
        refuseUnmodelled(request);
        if (request.evaluationPeriods() == null) {
            throw CloudWatchErrors.required("evaluationPeriods");
        }
        if (request.comparisonOperator() == null) {
            throw CloudWatchErrors.required("comparisonOperator");
        }
        if (request.comparisonOperator() == ComparisonOperator.UNKNOWN_TO_SDK_VERSION) {
            throw CloudWatchErrors.validationError("1 validation error detected: Value '"
                    + request.comparisonOperatorAsString() + "' at 'comparisonOperator' failed to satisfy"
                    + " constraint: Member must satisfy enum value set: " + staticOperators());
        }
        if (!Threshold.isStatic(request.comparisonOperator())) {
            throw CloudWatchErrors.validationError("Comparison operator " + request.comparisonOperatorAsString()
                    + " needs an anomaly detection band (ThresholdMetricId), which the local CloudWatch twin does"
                    + " not support; use one of " + staticOperators() + ".");
        }
        if (request.threshold() == null) {
            throw CloudWatchErrors.required("threshold");
        }
        if (request.metricName() == null) {
            throw CloudWatchErrors.required("metricName");
        }
        if (request.namespace() == null) {
            throw CloudWatchErrors.required("namespace");
        }
        boolean extended = extendedStatistic(request);
        int period = period(request);
        int evaluationPeriods = request.evaluationPeriods();
        int datapointsToAlarm = datapointsToAlarm(request, evaluationPeriods);
        if ((long) period * evaluationPeriods > MAX_EVALUATION_SECONDS) {
            throw CloudWatchErrors.validationError("The evaluation period (Period * EvaluationPeriods) must not exceed "
                    + MAX_EVALUATION_SECONDS + " seconds.");
        }
        MissingDataTreatment treatment = treatMissingData(request);
        StandardUnit unit = request.unit();
        if (unit == StandardUnit.UNKNOWN_TO_SDK_VERSION) {
            throw CloudWatchErrors.validationError("1 validation error detected: Value '" + request.unitAsString()
                    + "' at 'unit' failed to satisfy constraint: Member must satisfy enum value set");
        }
        return new AlarmDefinition(name, LocalAccount.arn("cloudwatch", "alarm:" + name), request.alarmDescription(),
                new MetricKey(request.namespace(), request.metricName(), request.dimensions()),
                extended ? request.extendedStatistic() : request.statisticAsString(), extended, unit, period,
                evaluationPeriods, datapointsToAlarm, request.threshold(), request.comparisonOperator(), treatment,
                request.actionsEnabled() == null || request.actionsEnabled(),
                actions(request.alarmActions(), "alarmActions"), actions(request.okActions(), "oKActions"),
                actions(request.insufficientDataActions(), "insufficientDataActions"), now);
    }

    private static void refuseUnmodelled(PutMetricAlarmRequest request) {
        if (request.hasMetrics() && !request.metrics().isEmpty()) {
            throw CloudWatchErrors.validationError("Alarms on metric math (Metrics) are not supported by the local"
                    + " CloudWatch twin; give MetricName, Namespace, Statistic and Period.");
        }
        if (request.thresholdMetricId() != null) {
            throw CloudWatchErrors.validationError("ThresholdMetricId (anomaly detection alarms) is not supported"
                    + " by the local CloudWatch twin.");
        }
    }

    /** "Statistic: ... specify either Statistic or ExtendedStatistic, but not both." */
    private static boolean extendedStatistic(PutMetricAlarmRequest request) {
        boolean standard = request.statistic() != null;
        boolean extended = request.extendedStatistic() != null;
        if (standard == extended) {
            throw CloudWatchErrors.invalidParameterCombination(
                    "Exactly one of the parameters Statistic and ExtendedStatistic must be specified.");
        }
        if (standard && request.statistic() == Statistic.UNKNOWN_TO_SDK_VERSION) {
            throw CloudWatchErrors.validationError("1 validation error detected: Value '"
                    + request.statisticAsString() + "' at 'statistic' failed to satisfy constraint: Member must"
                    + " satisfy enum value set: [Maximum, SampleCount, Sum, Minimum, Average]");
        }
        if (extended && !MetricStatistic.isPercentile(request.extendedStatistic())) {
            throw CloudWatchErrors.validationError("The value " + request.extendedStatistic()
                    + " for parameter ExtendedStatistic is invalid; the local twin supports percentiles pNN.NN.");
        }
        return extended;
    }

    /** "Valid values are 10, 20, 30, and any multiple of 60." */
    private static int period(PutMetricAlarmRequest request) {
        if (request.period() == null) {
            throw CloudWatchErrors.validationError("Period must not be null");
        }
        int period = request.period();
        boolean valid = period == 10 || period == 20 || period == 30 || (period > 0 && period % 60 == 0);
        if (!valid) {
            throw CloudWatchErrors.validationError("Period must be 10, 20, 30 or a multiple of 60");
        }
        return period;
    }

    private static int datapointsToAlarm(PutMetricAlarmRequest request, int evaluationPeriods) {
        if (evaluationPeriods < 1) {
            throw CloudWatchErrors.validationError("1 validation error detected: Value '" + evaluationPeriods
                    + "' at 'evaluationPeriods' failed to satisfy constraint: Member must have value greater than"
                    + " or equal to 1");
        }
        if (request.datapointsToAlarm() == null) {
            return evaluationPeriods;
        }
        int datapoints = request.datapointsToAlarm();
        if (datapoints < 1) {
            throw CloudWatchErrors.validationError("1 validation error detected: Value '" + datapoints
                    + "' at 'datapointsToAlarm' failed to satisfy constraint: Member must have value greater than"
                    + " or equal to 1");
        }
        if (datapoints > evaluationPeriods) {
            throw CloudWatchErrors.validationError("DatapointsToAlarm must be less than or equal to EvaluationPeriods");
        }
        return datapoints;
    }

    private static MissingDataTreatment treatMissingData(PutMetricAlarmRequest request) {
        if (request.treatMissingData() == null) {
            return MissingDataTreatment.MISSING;
        }
        return MissingDataTreatment.parse(request.treatMissingData()).orElseThrow(() ->
                CloudWatchErrors.validationError("Invalid value for TreatMissingData: " + request.treatMissingData()
                        + ". Valid values are breaching, notBreaching, ignore and missing."));
    }

    private static List<String> actions(List<String> actions, String member) {
        if (actions.size() > MAX_ACTIONS) {
            throw CloudWatchErrors.validationError("1 validation error detected: Value at '" + member
                    + "' failed to satisfy constraint: Member must have length less than or equal to " + MAX_ACTIONS);
        }
        for (String action : actions) {
            if (!ARN.matcher(action).matches()) {
                throw CloudWatchErrors.validationError("Invalid arn syntax: " + action);
            }
        }
        return List.copyOf(actions);
    }

    private static String staticOperators() {
        return "[GreaterThanOrEqualToThreshold, GreaterThanThreshold, LessThanThreshold, LessThanOrEqualToThreshold]";
    }
}
