package dev.greenlight.local.gateway;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/** A test twin of CloudWatch: records metric data, answers fixed series and alarms, throws on demand. */
final class TinyCloudWatch implements CloudWatchClient {

    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    final List<Object> calls = new ArrayList<>();
    Supplier<RuntimeException> failure;

    @Override
    public PutMetricDataResponse putMetricData(PutMetricDataRequest request) {
        return answer(request, PutMetricDataResponse.builder().build());
    }

    @Override
    public GetMetricDataResponse getMetricData(GetMetricDataRequest request) {
        return answer(request, GetMetricDataResponse.builder().metricDataResults(MetricDataResult.builder()
                .id("errors").timestamps(T0, T0.plusSeconds(60)).values(1.5, 0.0).build()).build());
    }

    @Override
    public DescribeAlarmsResponse describeAlarms(DescribeAlarmsRequest request) {
        return answer(request, DescribeAlarmsResponse.builder().metricAlarms(MetricAlarm.builder()
                .alarmName("orders-5xx").stateValue(StateValue.ALARM).stateUpdatedTimestamp(T0)
                .threshold(5.0).evaluationPeriods(1).build()).build());
    }

    private <T> T answer(Object request, T response) {
        calls.add(request);
        if (failure != null) {
            throw failure.get();
        }
        return response;
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }
}
