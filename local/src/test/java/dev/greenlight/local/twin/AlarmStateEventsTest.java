package dev.greenlight.local.twin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.clock.VirtualClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.eventbridge.model.Target;

/** An alarm's transition reaches an EventBridge rule as CloudWatch's documented event. */
class AlarmStateEventsTest {

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final LocalTwin twin = LocalTwin.virtualTime(clock);
    private final List<JsonNode> received = new ArrayList<>();

    @AfterEach
    void close() {
        twin.close();
    }

    @Test
    void aTransitionToAlarm_reachesARuleOnItsStateValue_inCloudWatchsShape() {
        twin.cloudWatch().putMetricAlarm(r -> r.alarmName("orders-green-5xx").alarmDescription("any 5xx")
                .namespace("AWS/ApplicationELB").metricName("HTTPCode_Target_5XX_Count")
                .dimensions(d -> d.name("TargetGroup").value("targetgroup/orders-green/1"))
                .statistic(Statistic.SUM).period(60).evaluationPeriods(1).threshold(1.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD));
        String target = twin.lambda().register("react", event -> {
            received.add(event);
            return null;
        });
        String rule = twin.eventBridge().putRule(r -> r.name("alarms").eventPattern("""
                {"source": ["aws.cloudwatch"], "detail-type": ["CloudWatch Alarm State Change"],
                 "detail": {"alarmName": ["orders-green-5xx"], "state": {"value": ["ALARM"]}}}""")).ruleArn();
        // EventBridge invokes the function only as its resource policy allows, as in AWS.
        twin.lambda().addPermission(r -> r.functionName(target).statementId("alarms").action("lambda:InvokeFunction")
                .principal("events.amazonaws.com").sourceArn(rule));
        twin.eventBridge().putTargets(r -> r.rule("alarms").targets(Target.builder().id("react").arn(target).build()));

        twin.cloudWatch().setAlarmState(r -> r.alarmName("orders-green-5xx").stateValue(StateValue.OK)
                .stateReason("quiet"));
        twin.cloudWatch().setAlarmState(r -> r.alarmName("orders-green-5xx").stateValue(StateValue.ALARM)
                .stateReason("errors"));
        clock.advance(java.time.Duration.ofSeconds(1));

        assertThat(received).hasSize(1);
        JsonNode event = received.get(0);
        assertThat(event.path("source").asText()).isEqualTo("aws.cloudwatch");
        assertThat(event.path("resources").path(0).asText()).endsWith(":alarm:orders-green-5xx");
        JsonNode detail = event.path("detail");
        assertThat(detail.path("state").path("value").asText()).isEqualTo("ALARM");
        assertThat(detail.path("state").path("timestamp").asText()).isEqualTo("2026-01-01T00:00:00.000+0000");
        assertThat(detail.path("previousState").path("value").asText()).isEqualTo("OK");
        JsonNode metric = detail.path("configuration").path("metrics").path(0);
        assertThat(detail.path("configuration").path("description").asText()).isEqualTo("any 5xx");
        assertThat(metric.path("metricStat").path("metric").path("name").asText())
                .isEqualTo("HTTPCode_Target_5XX_Count");
        assertThat(metric.path("metricStat").path("metric").path("dimensions").path("TargetGroup").asText())
                .isEqualTo("targetgroup/orders-green/1");
        assertThat(metric.path("metricStat").path("period").asInt()).isEqualTo(60);
        assertThat(metric.path("metricStat").path("stat").asText()).isEqualTo("Sum");
        assertThat(metric.path("returnData").asBoolean()).isTrue();
    }
}
