package dev.greenlight.local.aws.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.local.asl.Json;
import dev.greenlight.local.clock.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;

/** put-rule --schedule-expression: rate() and cron() rules run on the twin's clock, in UTC. */
class ScheduledRulesTest {

    private static final String TARGET = "arn:aws:lambda:us-east-1:123456789012:function:tick";
    /** A Monday. */
    private static final Instant START = Instant.parse("2026-01-05T10:00:30Z");

    private final VirtualClock clock = new VirtualClock(START);
    private final RecordingTargets targets = new RecordingTargets();
    private final EventBridgeClient client = new EventBridgeTwin(clock, targets);

    @Test
    void rateRuleRunsOnePeriodAfterItsCreationAndEveryPeriodAfterThat() {
        client.putRule(r -> r.name("tick").scheduleExpression("rate(5 minutes)"));
        client.putTargets(r -> r.rule("tick").targets(t -> t.id("1").arn(TARGET)));

        clock.advance(Duration.ofMinutes(4));
        assertThat(targets.inputsTo(TARGET)).isEmpty();
        clock.advance(Duration.ofMinutes(12));

        assertThat(targets.inputsTo(TARGET)).hasSize(3).allSatisfy(input -> {
            var event = Json.parse(input);
            assertThat(event.path("source").asText()).isEqualTo("aws.events");
            assertThat(event.path("detail-type").asText()).isEqualTo("Scheduled Event");
            assertThat(event.path("resources").get(0).asText()).isEqualTo("arn:aws:events:us-east-1:123456789012:rule/tick");
            assertThat(event.path("detail").isObject()).isTrue();
        });
        assertThat(targets.inputsTo(TARGET)).extracting(input -> Json.parse(input).path("time").asText())
                .containsExactly("2026-01-05T10:05:30Z", "2026-01-05T10:10:30Z", "2026-01-05T10:15:30Z");
        assertThat(client.describeRule(r -> r.name("tick")).scheduleExpression()).isEqualTo("rate(5 minutes)");
        assertThat(client.describeRule(r -> r.name("tick")).eventPattern()).isNull();
    }

    @Test
    void cronRuleRunsAtTheMinutesItNamesInUtc() {
        // 08:00 on weekdays; START is Monday 10:00, so the first run is Tuesday 08:00.
        client.putRule(r -> r.name("morning").scheduleExpression("cron(0 8 ? * MON-FRI *)"));
        client.putTargets(r -> r.rule("morning").targets(t -> t.id("1").arn(TARGET).input("{\"wake\": true}")));

        clock.advance(Duration.ofDays(7));

        assertThat(targets.inputsTo(TARGET)).hasSize(5).containsOnly("{\"wake\": true}");
    }

    @ParameterizedTest(name = "{0} after {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            cron(0/15 * * * ? *)         | 2026-01-05T10:00:30Z | 2026-01-05T10:15:00Z
            cron(5,35 14 * * ? *)        | 2026-01-05T14:35:00Z | 2026-01-06T14:05:00Z
            cron(0 18 ? * 1 *)           | 2026-01-05T10:00:00Z | 2026-01-11T18:00:00Z
            cron(0 0 1 JAN-MAR/2 ? 2027) | 2026-01-05T10:00:00Z | 2027-01-01T00:00:00Z
            cron(30 23 31 * ? *)         | 2026-02-01T00:00:00Z | 2026-03-31T23:30:00Z
            cron(0 12 * * ? 2020)        | 2026-01-05T10:00:00Z | +1000000000-12-31T23:59:59.999999999Z
            """)
    void cronFindsTheNextMatchingMinute(String expression, Instant after, Instant next) {
        assertThat(Schedule.parse(expression).next(after)).isEqualTo(next);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rate(0 minutes)", "rate(1 minutes)", "rate(5 minute)", "rate(5 weeks)", "rate(-1 days)",
            "rate(5)", "every 5 minutes", "cron(0 8 * * * *)", "cron(0 8 ? * ? *)", "cron(0 8 * *)",
            "cron(60 8 * * ? *)", "cron(0 24 * * ? *)", "cron(0 8 32 * ? *)", "cron(0 8 ? * 8 *)",
            "cron(0 8 * 13 ? *)", "cron(0 8 * * ? 1969)", "cron(0 8 * FOO ? *)", "cron(10-5 * * * ? *)"})
    void malformedScheduleIsAValidationExceptionAndCreatesNoRule(String expression) {
        assertThatThrownBy(() -> client.putRule(r -> r.name("bad").scheduleExpression(expression)))
                .isInstanceOfSatisfying(EventBridgeException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Parameter ScheduleExpression is not valid.");
                });
        assertThatThrownBy(() -> client.describeRule(r -> r.name("bad"))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void disabledRuleSkipsItsRunsAndADeletedOneStops() {
        client.putRule(r -> r.name("tick").scheduleExpression("rate(1 minute)"));
        client.putTargets(r -> r.rule("tick").targets(t -> t.id("1").arn(TARGET)));
        clock.advance(Duration.ofMinutes(2));
        client.disableRule(r -> r.name("tick"));
        clock.advance(Duration.ofMinutes(3));
        assertThat(targets.inputsTo(TARGET)).hasSize(2);

        client.enableRule(r -> r.name("tick"));
        clock.advance(Duration.ofMinutes(1));
        assertThat(targets.inputsTo(TARGET)).hasSize(3);

        client.removeTargets(r -> r.rule("tick").ids("1"));
        client.deleteRule(r -> r.name("tick"));
        client.putRule(r -> r.name("tick").scheduleExpression("rate(1 hour)"));
        client.putTargets(r -> r.rule("tick").targets(t -> t.id("1").arn(TARGET)));
        clock.advance(Duration.ofMinutes(59));
        assertThat(targets.inputsTo(TARGET)).hasSize(3);
        clock.advance(Duration.ofMinutes(1));
        assertThat(targets.inputsTo(TARGET)).hasSize(4);
    }

    @Test
    void ruleWithoutPatternOrSchedule_isRefused() {
        assertThatThrownBy(() -> client.putRule(r -> r.name("empty")))
                .isInstanceOfSatisfying(EventBridgeException.class, e ->
                        assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("Parameter(s) EventPattern or ScheduleExpression must be specified."));
    }
}
