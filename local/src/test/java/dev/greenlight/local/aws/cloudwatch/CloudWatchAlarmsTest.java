package dev.greenlight.local.aws.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.local.clock.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.HistoryItemType;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

class CloudWatchAlarmsTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Dimension BLUE = Dimension.builder().name("TargetGroup").value("blue").build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final VirtualClock clock = new VirtualClock(START);
    private final List<AlarmStateChange> changes = new ArrayList<>();
    private final CloudWatchClient client = new CloudWatchTwin(clock, changes::add);

    @Test
    void aNewAlarmIsInsufficientDataUntilEvaluated() {
        client.putMetricAlarm(alarm(3, 2, "missing"));

        MetricAlarm alarm = describe("errors");

        assertThat(alarm.stateValue()).isEqualTo(StateValue.INSUFFICIENT_DATA);
        assertThat(alarm.stateReason()).isEqualTo("Unchecked: Initial alarm creation");
        assertThat(alarm.alarmArn()).isEqualTo("arn:aws:cloudwatch:us-east-1:123456789012:alarm:errors");
    }

    @Test
    void breachingInTwoOfThreePeriodsMovesOkToAlarm() {
        client.putMetricAlarm(alarm(3, 2, "missing"));

        List<StateValue> states = minutes(1.0, 1.0, 1.0, 10.0, 10.0);

        assertThat(states).containsExactly(StateValue.INSUFFICIENT_DATA, StateValue.OK, StateValue.OK,
                StateValue.OK, StateValue.ALARM);
        assertThat(describe("errors").stateReason()).isEqualTo("Threshold Crossed: 2 out of the last 3 datapoints"
                + " [10.0 (01/01/26 00:04:00), 10.0 (01/01/26 00:03:00), 1.0 (01/01/26 00:02:00)] were greater than"
                + " the threshold (5.0) (minimum 2 datapoints for OK -> ALARM transition).");
    }

    @Test
    void alarmRecoversWhenFewerThanMPeriodsBreach() {
        client.putMetricAlarm(alarm(3, 2, "missing"));
        minutes(10.0, 10.0);

        List<StateValue> states = minutes(1.0, 1.0);

        assertThat(states).containsExactly(StateValue.ALARM, StateValue.OK);
        assertThat(describe("errors").stateReason()).startsWith("Threshold Crossed: 2 out of the last 3 datapoints")
                .contains("were not greater than the threshold (5.0)")
                .endsWith("(minimum 2 datapoints for ALARM -> OK transition).");
    }

    @ParameterizedTest(name = "{0}: after 3 empty minutes {1}, after 5 {2}")
    @CsvSource({
            "missing,      ALARM, INSUFFICIENT_DATA",
            "ignore,       ALARM, ALARM",
            "breaching,    ALARM, ALARM",
            "notBreaching, OK,    OK",
    })
    void missingDataAfterAnAlarmIsTreatedAsConfigured(String treatment, StateValue afterThree,
            StateValue afterFive) {
        client.putMetricAlarm(alarm(3, 3, treatment));
        assertThat(minutes(10.0, 10.0, 10.0)).last().isEqualTo(StateValue.ALARM);

        List<StateValue> states = minutes(null, null, null, null, null);

        assertThat(states.get(2)).isEqualTo(afterThree);
        assertThat(states.get(4)).isEqualTo(afterFive);
    }

    @ParameterizedTest(name = "{0}: after 5 empty minutes {1}")
    @CsvSource({
            "missing,      INSUFFICIENT_DATA",
            "ignore,       OK",
            "breaching,    ALARM",
            "notBreaching, OK",
    })
    void missingDataAfterHealthyDataIsTreatedAsConfigured(String treatment, StateValue afterFive) {
        client.putMetricAlarm(alarm(3, 3, treatment));
        assertThat(minutes(1.0, 1.0, 1.0)).last().isEqualTo(StateValue.OK);

        assertThat(minutes(null, null, null, null, null)).last().isEqualTo(afterFive);
    }

    @Test
    void missingDataTreatedAsBreachingSaysSoInTheReason() {
        client.putMetricAlarm(alarm(1, 1, "breaching"));

        minutes((Double) null);

        assertThat(describe("errors").stateReason()).isEqualTo(
                "Threshold Crossed: no datapoints were received for 1 period and 1 missing datapoint was treated as"
                        + " [Breaching].");
    }

    @Test
    void alarmThatWentToAlarmAndBackBetweenTwoDescribesIsInTheHistorySinceTheFirst() {
        client.putMetricAlarm(alarm(1, 1, "missing"));
        minutes(1.0, 1.0);
        Instant firstPoll = clock.now();
        assertThat(describe("errors").stateValue()).isEqualTo(StateValue.OK);

        minutes(10.0, 1.0);

        assertThat(describe("errors").stateValue()).isEqualTo(StateValue.OK);
        List<AlarmHistoryItem> since = client.describeAlarmHistory(r -> r.alarmName("errors")
                .historyItemType(HistoryItemType.STATE_UPDATE).startDate(firstPoll).endDate(clock.now())
                .scanBy(ScanBy.TIMESTAMP_ASCENDING)).alarmHistoryItems();
        assertThat(since).extracting(AlarmHistoryItem::historySummary)
                .containsExactly("Alarm updated from OK to ALARM", "Alarm updated from ALARM to OK");
        JsonNode data = json(since.get(0).historyData());
        assertThat(data.path("version").asText()).isEqualTo("1.0");
        assertThat(data.path("oldState").path("stateValue").asText()).isEqualTo("OK");
        assertThat(data.path("newState").path("stateValue").asText()).isEqualTo("ALARM");
        assertThat(data.path("newState").path("stateReasonData").path("recentDatapoints").get(0).asDouble())
                .isEqualTo(10.0);
        assertThat(since.get(0).timestamp()).isEqualTo(START.plusSeconds(180));
    }

    @Test
    void historyIsNewestFirstByDefaultAndFiltersByType() {
        client.putMetricAlarm(alarm(1, 1, "missing"));
        minutes(1.0);

        List<AlarmHistoryItem> all = client.describeAlarmHistory(r -> r.alarmName("errors")).alarmHistoryItems();
        List<AlarmHistoryItem> configuration = client.describeAlarmHistory(r -> r.alarmName("errors")
                .historyItemType(HistoryItemType.CONFIGURATION_UPDATE)).alarmHistoryItems();

        assertThat(all).extracting(AlarmHistoryItem::historySummary)
                .containsExactly("Alarm updated from INSUFFICIENT_DATA to OK", "Alarm \"errors\" created");
        assertThat(configuration).singleElement().satisfies(item ->
                assertThat(json(item.historyData()).path("type").asText()).isEqualTo("Create"));
    }

    @Test
    void setAlarmStateHoldsUntilTheNextEvaluation() {
        client.putMetricAlarm(alarm(1, 1, "missing"));
        minutes(1.0);
        clock.advance(Duration.ofSeconds(10));

        client.setAlarmState(r -> r.alarmName("errors").stateValue(StateValue.ALARM).stateReason("testing"));

        assertThat(describe("errors").stateValue()).isEqualTo(StateValue.ALARM);
        assertThat(describe("errors").stateReason()).isEqualTo("testing");
        minutes(1.0);
        assertThat(describe("errors").stateValue()).isEqualTo(StateValue.OK);
        assertThat(client.describeAlarmHistory(r -> r.alarmName("errors")
                .historyItemType(HistoryItemType.STATE_UPDATE)).alarmHistoryItems())
                .extracting(AlarmHistoryItem::historySummary)
                .containsExactly("Alarm updated from ALARM to OK", "Alarm updated from OK to ALARM",
                        "Alarm updated from INSUFFICIENT_DATA to OK");
    }

    @Test
    void everyTransitionReachesTheListenerWithBothStates() {
        client.putMetricAlarm(alarm(1, 1, "missing"));

        minutes(10.0);

        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.alarmName()).isEqualTo("errors");
            assertThat(change.alarmArn()).endsWith(":alarm:errors");
            assertThat(change.previousState().value()).isEqualTo(StateValue.INSUFFICIENT_DATA);
            assertThat(change.state().value()).isEqualTo(StateValue.ALARM);
            assertThat(change.state().timestamp()).isEqualTo(START.plusSeconds(60));
            assertThat(json(change.state().reasonData()).path("period").asInt()).isEqualTo(60);
        });
    }

    @Test
    void updatingAnAlarmKeepsItsStateAndRecordsTheUpdate() {
        client.putMetricAlarm(alarm(1, 1, "missing"));
        minutes(10.0);

        client.putMetricAlarm(alarm(1, 1, "missing").toBuilder().threshold(50.0).build());

        assertThat(describe("errors").stateValue()).isEqualTo(StateValue.ALARM);
        assertThat(describe("errors").threshold()).isEqualTo(50.0);
        assertThat(client.describeAlarmHistory(r -> r.historyItemType(HistoryItemType.CONFIGURATION_UPDATE))
                .alarmHistoryItems()).extracting(AlarmHistoryItem::historySummary)
                .containsExactly("Alarm \"errors\" updated", "Alarm \"errors\" created");
        minutes(10.0);
        assertThat(describe("errors").stateValue()).isEqualTo(StateValue.OK);
    }

    static List<Object[]> invalidAlarms() {
        return List.<Object[]>of(
                invalid("period 45", "ValidationError", b -> b.period(45)),
                invalid("more datapoints than periods", "ValidationError", b -> b.datapointsToAlarm(4)),
                invalid("anomaly band operator", "ValidationError",
                        b -> b.comparisonOperator(ComparisonOperator.LESS_THAN_LOWER_OR_GREATER_THAN_UPPER_THRESHOLD)),
                invalid("statistic and extended statistic", "InvalidParameterCombination",
                        b -> b.extendedStatistic("p99")),
                invalid("unknown missing data treatment", "ValidationError", b -> b.treatMissingData("sometimes")),
                invalid("no threshold", "ValidationError", b -> b.threshold(null)),
                invalid("six alarm actions", "ValidationError", b -> b.alarmActions("arn:aws:sns:us-east-1:1:a",
                        "arn:aws:sns:us-east-1:1:b", "arn:aws:sns:us-east-1:1:c", "arn:aws:sns:us-east-1:1:d",
                        "arn:aws:sns:us-east-1:1:e", "arn:aws:sns:us-east-1:1:f")),
                invalid("action that is no ARN", "ValidationError", b -> b.okActions("my-topic")),
                invalid("metric math", "ValidationError", b -> b.metrics(MetricDataQuery.builder().id("e1").expression("m1").build())));
    }

    private static Object[] invalid(String name, String code, Consumer<PutMetricAlarmRequest.Builder> change) {
        return new Object[] {name, code, change};
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("invalidAlarms")
    void invalidAlarmsAreRefusedAndTheExistingOneIsUnchanged(String name, String code,
            Consumer<PutMetricAlarmRequest.Builder> change) {
        client.putMetricAlarm(alarm(3, 2, "missing"));
        MetricAlarm before = describe("errors");
        PutMetricAlarmRequest.Builder bad = alarm(3, 2, "missing").toBuilder().threshold(99.0);
        change.accept(bad);

        assertThatThrownBy(() -> client.putMetricAlarm(bad.build()))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
                    assertThat(e.statusCode()).isEqualTo(400);
                });
        assertThat(describe("errors")).isEqualTo(before);
        assertThat(client.describeAlarmHistory(r -> r.alarmName("errors")).alarmHistoryItems()).hasSize(1);
    }

    @Test
    void setAlarmStateOnAnUnknownAlarmIsResourceNotFound() {
        assertThatThrownBy(() -> client.setAlarmState(r -> r.alarmName("nope").stateValue(StateValue.ALARM)
                .stateReason("x")))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFound");
                    assertThat(e.statusCode()).isEqualTo(404);
                });
    }

    @Test
    void setAlarmStateWithReasonDataThatIsNotJsonIsInvalidFormatAndChangesNothing() {
        client.putMetricAlarm(alarm(1, 1, "missing"));

        assertThatThrownBy(() -> client.setAlarmState(r -> r.alarmName("errors").stateValue(StateValue.ALARM)
                .stateReason("x").stateReasonData("{not json")))
                .isInstanceOfSatisfying(AwsServiceException.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidFormat"));
        assertThat(describe("errors").stateValue()).isEqualTo(StateValue.INSUFFICIENT_DATA);
    }

    @Test
    void deleteAlarmsWithAnUnknownNameDeletesNone() {
        client.putMetricAlarm(alarm(1, 1, "missing"));

        assertThatThrownBy(() -> client.deleteAlarms(r -> r.alarmNames("errors", "nope")))
                .isInstanceOfSatisfying(AwsServiceException.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFound"));
        assertThat(client.describeAlarms().metricAlarms()).hasSize(1);
    }

    @Test
    void deletedAlarmsStopEvaluatingAndKeepTheirHistory() {
        client.putMetricAlarm(alarm(1, 1, "missing"));
        minutes(10.0);

        client.deleteAlarms(r -> r.alarmNames("errors"));

        assertThat(client.describeAlarms().metricAlarms()).isEmpty();
        assertThat(clock.isIdle()).isTrue();
        assertThat(client.describeAlarmHistory(r -> r.alarmName("errors")).alarmHistoryItems())
                .extracting(AlarmHistoryItem::historySummary)
                .containsExactly("Alarm \"errors\" deleted", "Alarm updated from INSUFFICIENT_DATA to ALARM",
                        "Alarm \"errors\" created");
    }

    @Test
    void describeAlarmsFiltersByPrefixAndState() {
        client.putMetricAlarm(alarm(1, 1, "missing"));
        client.putMetricAlarm(alarm(1, 1, "missing").toBuilder().alarmName("errors-green").threshold(50.0).build());
        client.putMetricAlarm(alarm(1, 1, "missing").toBuilder().alarmName("latency").build());
        minutes(10.0);

        assertThat(client.describeAlarms(r -> r.alarmNamePrefix("errors")).metricAlarms())
                .extracting(MetricAlarm::alarmName).containsExactly("errors", "errors-green");
        assertThat(client.describeAlarms(r -> r.stateValue(StateValue.ALARM)).metricAlarms())
                .extracting(MetricAlarm::alarmName).containsExactly("errors", "latency");
        assertThat(client.describeAlarmsForMetric(r -> r.namespace("App").metricName("Errors")
                .statistic(Statistic.SUM).dimensions(BLUE)).metricAlarms()).hasSize(3);
        assertThat(client.describeAlarmsForMetric(r -> r.namespace("App").metricName("Errors")).metricAlarms())
                .as("a metric's dimensions must be given to find its alarms").isEmpty();
    }

    @Test
    void describeAlarmsRefusesNamesWithAPrefix() {
        assertThatThrownBy(() -> client.describeAlarms(r -> r.alarmNames("a").alarmNamePrefix("a")))
                .isInstanceOfSatisfying(AwsServiceException.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterCombination"));
    }

    @Test
    void describeAlarmsPagesWithNextToken() {
        client.putMetricAlarm(alarm(1, 1, "missing"));
        client.putMetricAlarm(alarm(1, 1, "missing").toBuilder().alarmName("latency").build());

        var first = client.describeAlarms(r -> r.maxRecords(1));
        var second = client.describeAlarms(r -> r.maxRecords(1).nextToken(first.nextToken()));

        assertThat(first.metricAlarms()).extracting(MetricAlarm::alarmName).containsExactly("errors");
        assertThat(second.metricAlarms()).extracting(MetricAlarm::alarmName).containsExactly("latency");
        assertThat(second.nextToken()).isNull();
        assertThatThrownBy(() -> client.describeAlarms(r -> r.nextToken("not-a-token")))
                .isInstanceOfSatisfying(AwsServiceException.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidNextToken"));
    }

    @Test
    void disablingActionsIsShownByDescribeAlarms() {
        client.putMetricAlarm(alarm(1, 1, "missing"));

        client.disableAlarmActions(r -> r.alarmNames("errors"));
        assertThat(describe("errors").actionsEnabled()).isFalse();
        client.enableAlarmActions(r -> r.alarmNames("errors"));
        assertThat(describe("errors").actionsEnabled()).isTrue();
    }

    @Test
    void alarmsBeyondTheAccountQuotaAreLimitExceeded() {
        CloudWatchClient limited = new CloudWatchTwin(clock, AlarmStateListener.NONE, (arn, change) -> { }, 1);
        limited.putMetricAlarm(alarm(1, 1, "missing"));

        assertThatThrownBy(() -> limited.putMetricAlarm(alarm(1, 1, "missing").toBuilder().alarmName("b").build()))
                .isInstanceOfSatisfying(AwsServiceException.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("LimitExceeded"));
        limited.putMetricAlarm(alarm(1, 1, "missing").toBuilder().threshold(1.0).build());
        assertThat(limited.describeAlarms().metricAlarms()).extracting(MetricAlarm::threshold).containsExactly(1.0);
    }

    @Test
    void enteringAlarmExecutesTheAlarmActionsAndRecordsThem() {
        List<String> invoked = new ArrayList<>();
        CloudWatchClient acting = new CloudWatchTwin(clock, AlarmStateListener.NONE,
                (arn, change) -> invoked.add(arn + " " + change.state().value()), Integer.MAX_VALUE);
        acting.putMetricAlarm(alarm(1, 1, "missing"));
        acting.putMetricData(r -> r.namespace("App").metricData(MetricDatum.builder().metricName("Errors")
                .dimensions(BLUE).value(10.0).build()));

        clock.advance(Duration.ofMinutes(1));

        assertThat(invoked).containsExactly("arn:aws:sns:us-east-1:123456789012:rollback ALARM");
        assertThat(acting.describeAlarmHistory(r -> r.historyItemType(HistoryItemType.ACTION)).alarmHistoryItems())
                .singleElement().satisfies(item -> {
                    assertThat(item.historySummary())
                            .isEqualTo("Successfully executed action arn:aws:sns:us-east-1:123456789012:rollback");
                    assertThat(json(item.historyData()).path("actionState").asText()).isEqualTo("Succeeded");
                });
    }

    @Test
    void aFailingActionIsRecordedAsFailed() {
        CloudWatchClient acting = new CloudWatchTwin(clock, AlarmStateListener.NONE, (arn, change) -> {
            throw new IllegalStateException("topic does not exist");
        }, Integer.MAX_VALUE);
        acting.putMetricAlarm(alarm(1, 1, "breaching"));

        clock.advance(Duration.ofMinutes(1));

        assertThat(acting.describeAlarmHistory(r -> r.historyItemType(HistoryItemType.ACTION)).alarmHistoryItems())
                .singleElement().satisfies(item -> {
                    assertThat(item.historySummary()).startsWith("Failed to execute action")
                            .endsWith("Received error: \"topic does not exist\"");
                    assertThat(json(item.historyData()).path("actionState").asText()).isEqualTo("Failed");
                });
    }

    @Test
    void disabledActionsAreNotExecuted() {
        List<String> invoked = new ArrayList<>();
        CloudWatchClient acting = new CloudWatchTwin(clock, AlarmStateListener.NONE,
                (arn, change) -> invoked.add(arn), Integer.MAX_VALUE);
        acting.putMetricAlarm(alarm(1, 1, "breaching").toBuilder().actionsEnabled(false).build());

        clock.advance(Duration.ofMinutes(1));

        assertThat(acting.describeAlarms().metricAlarms().get(0).stateValue()).isEqualTo(StateValue.ALARM);
        assertThat(invoked).isEmpty();
    }

    /** Sum of Errors above 5 per minute, over N periods of which M must breach. */
    private static PutMetricAlarmRequest alarm(int evaluationPeriods, int datapointsToAlarm, String treatment) {
        return PutMetricAlarmRequest.builder()
                .alarmName("errors")
                .namespace("App")
                .metricName("Errors")
                .dimensions(BLUE)
                .statistic(Statistic.SUM)
                .period(60)
                .evaluationPeriods(evaluationPeriods)
                .datapointsToAlarm(datapointsToAlarm)
                .threshold(5.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .treatMissingData(treatment)
                .alarmActions("arn:aws:sns:us-east-1:123456789012:rollback")
                .build();
    }

    /** For each value (null for none), sends it and lets a minute pass; returns the state after each minute. */
    private List<StateValue> minutes(Double... values) {
        List<StateValue> states = new ArrayList<>();
        for (Double value : values) {
            if (value != null) {
                client.putMetricData(r -> r.namespace("App").metricData(MetricDatum.builder()
                        .metricName("Errors").dimensions(BLUE).value(value).build()));
            }
            clock.advance(Duration.ofMinutes(1));
            states.add(describe("errors").stateValue());
        }
        return states;
    }

    private MetricAlarm describe(String name) {
        return client.describeAlarms(r -> r.alarmNames(name)).metricAlarms().get(0);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(text, e);
        }
    }
}
