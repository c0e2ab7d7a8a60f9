package dev.greenlight.local.aws.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.greenlight.local.clock.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.DimensionFilter;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsRequest;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.cloudwatch.model.StatisticSet;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

class CloudWatchMetricsTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Dimension BLUE = Dimension.builder().name("TargetGroup").value("blue").build();

    private final VirtualClock clock = new VirtualClock(START);
    private final CloudWatchClient client = new CloudWatchTwin(clock);

    @Test
    void getMetricStatisticsSumsAndAveragesEachPeriod() {
        put(at(0, 10), at(20, 30), at(60, 5), at(119, 7), at(130, 100));

        List<Datapoint> points = client.getMetricStatistics(stats(Statistic.SUM, Statistic.AVERAGE,
                Statistic.SAMPLE_COUNT, Statistic.MINIMUM, Statistic.MAXIMUM)).datapoints();

        assertThat(points).extracting(Datapoint::timestamp, Datapoint::sum, Datapoint::average,
                        Datapoint::sampleCount, Datapoint::minimum, Datapoint::maximum)
                .containsExactly(
                        tuple(START, 40.0, 20.0, 2.0, 10.0, 30.0),
                        tuple(START.plusSeconds(60), 12.0, 6.0, 2.0, 5.0, 7.0),
                        tuple(START.plusSeconds(120), 100.0, 100.0, 1.0, 100.0, 100.0));
    }

    @Test
    void onlyTheRequestedStatisticsAreReturned() {
        put(at(0, 10));

        Datapoint point = client.getMetricStatistics(stats(Statistic.SUM)).datapoints().get(0);

        assertThat(point.sum()).isEqualTo(10.0);
        assertThat(point.average()).isNull();
        assertThat(point.unit()).isEqualTo(StandardUnit.COUNT);
    }

    @Test
    void statisticValuesAndValuesWithCountsAggregateTogether() {
        client.putMetricData(r -> r.namespace("App").metricData(
                datum().statisticValues(StatisticSet.builder().sampleCount(4.0).sum(40.0).minimum(1.0)
                        .maximum(20.0).build()).build(),
                datum().values(2.0, 30.0).counts(3.0, 1.0).build()));

        Datapoint point = client.getMetricStatistics(stats(Statistic.SUM, Statistic.SAMPLE_COUNT,
                Statistic.MAXIMUM, Statistic.MINIMUM)).datapoints().get(0);

        assertThat(point.sampleCount()).isEqualTo(8.0);
        assertThat(point.sum()).isEqualTo(76.0);
        assertThat(point.maximum()).isEqualTo(30.0);
        assertThat(point.minimum()).isEqualTo(1.0);
    }

    @Test
    void percentilesComeFromRawValues() {
        client.putMetricData(r -> r.namespace("App").metricData(
                datum().values(1.0, 2.0, 3.0, 100.0).counts(50.0, 40.0, 9.0, 1.0).build()));

        Datapoint point = client.getMetricStatistics(r -> r.namespace("App").metricName("Errors")
                .dimensions(BLUE).startTime(START).endTime(START.plusSeconds(60)).period(60)
                .extendedStatistics("p50", "p99", "p100")).datapoints().get(0);

        assertThat(point.extendedStatistics()).containsEntry("p50", 1.0).containsEntry("p99", 3.0)
                .containsEntry("p100", 100.0);
    }

    @Test
    void dataOfOtherDimensionsIsAnotherMetric() {
        put(at(0, 10));
        client.putMetricData(r -> r.namespace("App").metricData(MetricDatum.builder().metricName("Errors")
                .dimensions(Dimension.builder().name("TargetGroup").value("green").build()).value(99.0).build()));

        assertThat(client.getMetricStatistics(stats(Statistic.SUM)).datapoints())
                .extracting(Datapoint::sum).containsExactly(10.0);
    }

    @Test
    void getMetricDataReturnsEachQueryNewestFirstByDefault() {
        put(at(0, 1), at(60, 2), at(120, 3));
        MetricDataQuery sum = MetricDataQuery.builder().id("errors").metricStat(s -> s.metric(metric())
                .period(60).stat("Sum")).build();
        MetricDataQuery hidden = MetricDataQuery.builder().id("hidden").returnData(false)
                .metricStat(s -> s.metric(metric()).period(60).stat("Maximum")).build();

        GetMetricDataResponse response = client.getMetricData(r -> r.metricDataQueries(sum, hidden)
                .startTime(START).endTime(START.plusSeconds(180)));

        assertThat(response.metricDataResults()).singleElement().satisfies(result -> {
            assertThat(result.id()).isEqualTo("errors");
            assertThat(result.label()).isEqualTo("Errors");
            assertThat(result.statusCode()).isEqualTo(StatusCode.COMPLETE);
            assertThat(result.values()).containsExactly(3.0, 2.0, 1.0);
            assertThat(result.timestamps()).containsExactly(START.plusSeconds(120), START.plusSeconds(60), START);
        });
        assertThat(response.nextToken()).isNull();
    }

    @Test
    void getMetricDataScansAscendingWhenAsked() {
        put(at(0, 1), at(60, 2));

        MetricDataResult result = client.getMetricData(r -> r.scanBy(ScanBy.TIMESTAMP_ASCENDING)
                .metricDataQueries(MetricDataQuery.builder().id("m1")
                        .metricStat(s -> s.metric(metric()).period(60).stat("Sum")).build())
                .startTime(START).endTime(START.plusSeconds(120))).metricDataResults().get(0);

        assertThat(result.values()).containsExactly(1.0, 2.0);
    }

    @Test
    void listMetricsFiltersByDimension() {
        put(at(0, 1));
        client.putMetricData(r -> r.namespace("Other").metricData(MetricDatum.builder()
                .metricName("Latency").value(1.0).build()));

        assertThat(client.listMetrics(r -> r.dimensions(DimensionFilter.builder().name("TargetGroup").build()))
                .metrics()).containsExactly(metric());
        assertThat(client.listMetrics(r -> r.namespace("Other")).metrics()).extracting(Metric::metricName)
                .containsExactly("Latency");
    }

    static List<Object[]> invalidMetricData() {
        return List.<Object[]>of(
                new Object[] {"reserved namespace", "InvalidParameterValue",
                        (Consumer<MetricDatum.Builder>) d -> d.value(1.0), "AWS/ApplicationELB"},
                new Object[] {"value and statistic values", "InvalidParameterCombination",
                        (Consumer<MetricDatum.Builder>) d -> d.value(1.0).statisticValues(s -> s.sampleCount(1.0)
                                .sum(1.0).minimum(1.0).maximum(1.0)), "App"},
                new Object[] {"no value", "MissingParameter", (Consumer<MetricDatum.Builder>) d -> { }, "App"},
                new Object[] {"NaN", "InvalidParameterValue",
                        (Consumer<MetricDatum.Builder>) d -> d.value(Double.NaN), "App"},
                new Object[] {"+Infinity", "InvalidParameterValue",
                        (Consumer<MetricDatum.Builder>) d -> d.value(Double.POSITIVE_INFINITY), "App"},
                new Object[] {"-Infinity among values", "InvalidParameterValue",
                        (Consumer<MetricDatum.Builder>) d -> d.values(1.0, Double.NEGATIVE_INFINITY), "App"},
                new Object[] {"above 2^360", "InvalidParameterValue",
                        (Consumer<MetricDatum.Builder>) d -> d.value(Math.scalb(1.0, 361)), "App"},
                new Object[] {"below -2^360", "InvalidParameterValue",
                        (Consumer<MetricDatum.Builder>) d -> d.value(-Math.scalb(1.0, 361)), "App"},
                new Object[] {"statistic sum above 2^360", "InvalidParameterValue",
                        (Consumer<MetricDatum.Builder>) d -> d.statisticValues(s -> s.sampleCount(1.0)
                                .sum(Double.MAX_VALUE).minimum(1.0).maximum(1.0)), "App"},
                new Object[] {"storage resolution 5", "InvalidParameterValue",
                        (Consumer<MetricDatum.Builder>) d -> d.value(1.0).storageResolution(5), "App"},
                new Object[] {"values and counts differ in size", "InvalidParameterValue",
                        (Consumer<MetricDatum.Builder>) d -> d.values(1.0, 2.0).counts(1.0), "App"},
                new Object[] {"three weeks old", "InvalidParameterValue",
                        (Consumer<MetricDatum.Builder>) d -> d.value(1.0).timestamp(START.minus(Duration.ofDays(21))),
                        "App"});
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("invalidMetricData")
    void invalidMetricDataIsRefusedAndNothingIsStored(String name, String code, Consumer<MetricDatum.Builder> bad,
            String namespace) {
        MetricDatum.Builder datum = MetricDatum.builder().metricName("Errors").dimensions(BLUE);
        bad.accept(datum);

        assertThatThrownBy(() -> client.putMetricData(r -> r.namespace(namespace)
                .metricData(MetricDatum.builder().metricName("Errors").dimensions(BLUE).value(5.0).build(),
                        datum.build())))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
                    assertThat(e.statusCode()).isEqualTo(400);
                });
        assertThat(client.listMetrics().metrics()).isEmpty();
    }

    @Test
    void getMetricStatisticsRefusesMoreThan1440Datapoints() {
        assertThatThrownBy(() -> client.getMetricStatistics(r -> r.namespace("App").metricName("Errors")
                .startTime(START).endTime(START.plus(Duration.ofDays(2))).period(60).statistics(Statistic.SUM)))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterCombination");
                    assertThat(e.getMessage()).contains("2,880 datapoints");
                });
    }

    @Test
    void getMetricStatisticsNeedsStatisticsOrExtendedStatisticsButNotBoth() {
        assertThatThrownBy(() -> client.getMetricStatistics(r -> r.namespace("App").metricName("Errors")
                .startTime(START).endTime(START.plusSeconds(60)).period(60)))
                .isInstanceOfSatisfying(AwsServiceException.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterCombination"));
    }

    @Test
    void getMetricStatisticsRefusesAStartAfterTheEnd() {
        assertThatThrownBy(() -> client.getMetricStatistics(r -> r.namespace("App").metricName("Errors")
                .startTime(START.plusSeconds(60)).endTime(START).period(60).statistics(Statistic.SUM)))
                .isInstanceOfSatisfying(AwsServiceException.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue"));
    }

    @Test
    void getMetricDataRefusesMetricMathClearly() {
        assertThatThrownBy(() -> client.getMetricData(r -> r.startTime(START).endTime(START.plusSeconds(60))
                .metricDataQueries(MetricDataQuery.builder().id("e1").expression("m1 * 2").build())))
                .isInstanceOfSatisfying(AwsServiceException.class, e ->
                        assertThat(e.getMessage()).contains("not supported by the local CloudWatch twin"));
    }

    private record Timed(long second, double value) {
    }

    private static Timed at(long second, double value) {
        return new Timed(second, value);
    }

    private void put(Timed... points) {
        for (Timed point : points) {
            clock.advanceTo(START.plusSeconds(point.second()));
            client.putMetricData(r -> r.namespace("App").metricData(datum().value(point.value()).build()));
        }
    }

    private static MetricDatum.Builder datum() {
        return MetricDatum.builder().metricName("Errors").dimensions(BLUE).unit(StandardUnit.COUNT);
    }

    private static Metric metric() {
        return Metric.builder().namespace("App").metricName("Errors").dimensions(BLUE).build();
    }

    private static GetMetricStatisticsRequest stats(Statistic... statistics) {
        return GetMetricStatisticsRequest.builder().namespace("App").metricName("Errors").dimensions(BLUE)
                .startTime(START).endTime(START.plusSeconds(180)).period(60).statistics(statistics).build();
    }
}
