package dev.greenlight.local.aws.cloudwatch;

import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import dev.greenlight.local.clock.Clock;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.DeleteAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DeleteAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmHistoryRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmHistoryResponse;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsForMetricRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsForMetricResponse;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.DisableAlarmActionsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DisableAlarmActionsResponse;
import software.amazon.awssdk.services.cloudwatch.model.EnableAlarmActionsRequest;
import software.amazon.awssdk.services.cloudwatch.model.EnableAlarmActionsResponse;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsResponse;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmResponse;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.SetAlarmStateRequest;
import software.amazon.awssdk.services.cloudwatch.model.SetAlarmStateResponse;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * The CloudWatch twin: custom metrics, their statistics, and single-metric alarms evaluated on
 * the clock once per period. Every operation validates its whole request before changing
 * anything, so a refused call leaves the twin as it was.
 */
public final class CloudWatchTwin implements CloudWatchClient {

    private static final int MAX_ALARM_NAMES = 100;
    private static final int MAX_REASON = 1023;
    private static final int MAX_REASON_DATA = 4000;

    private final Clock clock;
    private final MetricStore metrics = new MetricStore();
    private final Alarms alarms;

    public CloudWatchTwin(Clock clock) {
        this(clock, AlarmStateListener.NONE);
    }

    /** Alarm actions are stored but not executed: no action target is wired. */
    public CloudWatchTwin(Clock clock, AlarmStateListener listener) {
        this.clock = clock;
        this.alarms = new Alarms(clock, this, metrics, listener, Optional.empty(), Integer.MAX_VALUE);
    }

    /** {@code alarmQuota}: how many alarms the account may hold (AWS accounts have no limit by default). */
    public CloudWatchTwin(Clock clock, AlarmStateListener listener, AlarmActionInvoker actions, int alarmQuota) {
        this.clock = clock;
        this.alarms = new Alarms(clock, this, metrics, listener, Optional.of(actions), alarmQuota);
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
        // Nothing to release: the twin lives as long as the clock that drives it.
    }

    @Override
    public synchronized PutMetricDataResponse putMetricData(PutMetricDataRequest request) {
        MetricDataRules.check(request, clock.now()).forEach(datum -> metrics.add(datum.key(), datum.observation()));
        return PutMetricDataResponse.builder().build();
    }

    /**
     * Metrics an AWS service publishes about itself (the load balancer's {@code AWS/ApplicationELB}),
     * which PutMetricData refuses to customers.
     */
    public synchronized void putServiceMetricData(String namespace, List<MetricDatum> data) {
        MetricDataRules.checkData(namespace, data, clock.now()).forEach(datum -> metrics.add(datum.key(),
                datum.observation()));
    }

    @Override
    public synchronized GetMetricStatisticsResponse getMetricStatistics(GetMetricStatisticsRequest request) {
        return MetricStatisticsQuery.answer(request, metrics);
    }

    @Override
    public synchronized GetMetricDataResponse getMetricData(GetMetricDataRequest request) {
        return MetricDataQueries.answer(request, metrics);
    }

    @Override
    public synchronized ListMetricsResponse listMetrics(ListMetricsRequest request) {
        return MetricListing.answer(request, metrics, clock.now());
    }

    @Override
    public synchronized PutMetricAlarmResponse putMetricAlarm(PutMetricAlarmRequest request) {
        alarms.put(AlarmRules.check(request, clock.now()));
        return PutMetricAlarmResponse.builder().build();
    }

    @Override
    public synchronized DescribeAlarmsResponse describeAlarms(DescribeAlarmsRequest request) {
        var filter = AlarmFilters.of(request);
        int max = Pagination.maxRecords(request.maxRecords());
        int from = Pagination.offset(request.nextToken());
        List<MetricAlarm> matching = AlarmFilters.wantsMetricAlarms(request)
                ? alarms.all().stream().filter(filter).map(Alarm::toMetricAlarm).toList()
                : List.of();
        Pagination.Page<MetricAlarm> page = Pagination.page(matching, from, max);
        return DescribeAlarmsResponse.builder().metricAlarms(page.items()).compositeAlarms(List.of())
                .nextToken(page.nextToken()).build();
    }

    @Override
    public synchronized DescribeAlarmsForMetricResponse describeAlarmsForMetric(
            DescribeAlarmsForMetricRequest request) {
        var filter = AlarmFilters.of(request);
        return DescribeAlarmsForMetricResponse.builder()
                .metricAlarms(alarms.all().stream().filter(filter).map(Alarm::toMetricAlarm).toList())
                .build();
    }

    @Override
    public synchronized DescribeAlarmHistoryResponse describeAlarmHistory(DescribeAlarmHistoryRequest request) {
        return alarms.history().describe(request);
    }

    @Override
    public synchronized SetAlarmStateResponse setAlarmState(SetAlarmStateRequest request) {
        if (request.alarmName() == null) {
            throw CloudWatchErrors.required("alarmName");
        }
        if (request.stateValue() == null) {
            throw CloudWatchErrors.required("stateValue");
        }
        if (request.stateValue() == StateValue.UNKNOWN_TO_SDK_VERSION) {
            throw CloudWatchErrors.validationError("1 validation error detected: Value '"
                    + request.stateValueAsString() + "' at 'stateValue' failed to satisfy constraint: Member must"
                    + " satisfy enum value set: [INSUFFICIENT_DATA, ALARM, OK]");
        }
        if (request.stateReason() == null) {
            throw CloudWatchErrors.required("stateReason");
        }
        if (request.stateReason().length() > MAX_REASON) {
            throw CloudWatchErrors.validationError("1 validation error detected: Value at 'stateReason' failed to"
                    + " satisfy constraint: Member must have length less than or equal to " + MAX_REASON);
        }
        checkReasonData(request.stateReasonData());
        alarms.setState(request.alarmName(), request.stateValue(), request.stateReason(), request.stateReasonData());
        return SetAlarmStateResponse.builder().build();
    }

    private static void checkReasonData(String reasonData) {
        if (reasonData == null) {
            return;
        }
        if (reasonData.length() > MAX_REASON_DATA) {
            throw CloudWatchErrors.validationError("1 validation error detected: Value at 'stateReasonData' failed"
                    + " to satisfy constraint: Member must have length less than or equal to " + MAX_REASON_DATA);
        }
        try {
            HistoryData.parse(reasonData);
        } catch (IllegalArgumentException e) {
            throw CloudWatchErrors.invalidFormat("Data was not syntactically valid JSON");
        }
    }

    @Override
    public synchronized DeleteAlarmsResponse deleteAlarms(DeleteAlarmsRequest request) {
        alarms.delete(alarmNames(request.alarmNames()));
        return DeleteAlarmsResponse.builder().build();
    }

    @Override
    public synchronized EnableAlarmActionsResponse enableAlarmActions(EnableAlarmActionsRequest request) {
        alarms.setActionsEnabled(alarmNames(request.alarmNames()), true);
        return EnableAlarmActionsResponse.builder().build();
    }

    @Override
    public synchronized DisableAlarmActionsResponse disableAlarmActions(DisableAlarmActionsRequest request) {
        alarms.setActionsEnabled(alarmNames(request.alarmNames()), false);
        return DisableAlarmActionsResponse.builder().build();
    }

    private static List<String> alarmNames(List<String> names) {
        if (names.isEmpty()) {
            throw CloudWatchErrors.required("alarmNames");
        }
        if (names.size() > MAX_ALARM_NAMES) {
            throw CloudWatchErrors.validationError("1 validation error detected: Value at 'alarmNames' failed to"
                    + " satisfy constraint: Member must have length less than or equal to " + MAX_ALARM_NAMES);
        }
        return names;
    }
}
