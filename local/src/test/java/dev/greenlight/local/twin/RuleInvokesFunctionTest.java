package dev.greenlight.local.twin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.local.asl.Json;
import dev.greenlight.local.clock.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/**
 * An EventBridge rule invokes its Lambda target as {@code events.amazonaws.com}, which only the
 * function's resource policy can allow: AddPermission for that principal, with the rule's ARN as
 * SourceArn, on the ARN the target names (unqualified, or the alias). Without it the target is not run
 * and the rule's FailedInvocations metric counts the delivery.
 */
class RuleInvokesFunctionTest {

    private static final String RULE_ARN = "arn:aws:events:us-east-1:123456789012:rule/on-push";

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final LocalTwin twin = LocalTwin.virtualTime(clock);
    private final AtomicInteger runs = new AtomicInteger();

    RuleInvokesFunctionTest() {
        twin.lambda().register("trigger", event -> {
            runs.incrementAndGet();
            return Json.NODES.objectNode();
        });
        twin.lambda().publishVersion(r -> r.functionName("trigger"));
        twin.lambda().createAlias(r -> r.functionName("trigger").name("live").functionVersion("1"));
        twin.eventBridge().putRule(r -> r.name("on-push").eventPattern("{\"source\": [\"greenlight.test\"]}"));
    }

    @AfterEach
    void close() {
        twin.close();
    }

    @ParameterizedTest(name = "target {0}, permission for {1} on {2} from {3}: runs {4}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # target        | principal             | permitted on  | source ARN                                           | runs
            trigger         | events.amazonaws.com  | trigger       | %s                                                   | 1
            trigger:live    | events.amazonaws.com  | trigger:live  | %s                                                   | 1
            trigger         | events.amazonaws.com  | trigger       | arn:aws:events:us-east-1:123456789012:rule/*         | 1
            trigger         | events.amazonaws.com  | trigger       | -                                                    | 1
            trigger         | -                     | -             | -                                                    | 0
            trigger         | events.amazonaws.com  | trigger       | arn:aws:events:us-east-1:123456789012:rule/other     | 0
            trigger         | sns.amazonaws.com     | trigger       | %s                                                   | 0
            trigger:live    | events.amazonaws.com  | trigger       | %s                                                   | 0
            trigger         | events.amazonaws.com  | trigger:live  | %s                                                   | 0
            """)
    void theTargetRuns_onlyWhenTheFunctionsPolicyLetsTheRuleInvokeIt(String target, String principal,
            String permittedOn, String sourceArn, int expectedRuns) {
        if (principal != null) {
            twin.lambda().addPermission(r -> r.functionName(permittedOn).statementId("events").principal(principal)
                    .action("lambda:InvokeFunction").sourceArn(sourceArn == null ? null : sourceArn.formatted(RULE_ARN)));
        }
        twin.eventBridge().putTargets(r -> r.rule("on-push").targets(t -> t.id("trigger")
                .arn("arn:aws:lambda:us-east-1:123456789012:function:" + target)));

        twin.eventBridge().putEvents(r -> r.entries(e -> e.source("greenlight.test").detailType("push").detail("{}")));
        clock.advance(Duration.ofMinutes(1));

        assertThat(runs).hasValue(expectedRuns);
        assertThat(failedInvocations()).isEqualTo(expectedRuns == 1 ? 0 : 1);
    }

    @ParameterizedTest(name = "enforcement {0}: runs {1}")
    @CsvSource({"on, 0", "off, 1"})
    void withEnforcementOff_noPermissionIsAsked(String enforcement, int expectedRuns) {
        twin.iamEnforcement().enforce(enforcement.equals("on"));
        twin.eventBridge().putTargets(r -> r.rule("on-push").targets(t -> t.id("trigger")
                .arn("arn:aws:lambda:us-east-1:123456789012:function:trigger")));

        twin.eventBridge().putEvents(r -> r.entries(e -> e.source("greenlight.test").detailType("push").detail("{}")));
        clock.advance(Duration.ofMinutes(1));

        assertThat(runs).hasValue(expectedRuns);
    }

    /** {@code AWS/Events FailedInvocations} of the rule, summed; AWS sends it only when not zero. */
    private double failedInvocations() {
        return twin.cloudWatch().getMetricStatistics(r -> r.namespace("AWS/Events").metricName("FailedInvocations")
                        .dimensions(d -> d.name("RuleName").value("on-push")).statistics(Statistic.SUM).period(3600)
                        .startTime(Instant.parse("2026-01-01T00:00:00Z")).endTime(Instant.parse("2026-01-01T01:00:00Z")))
                .datapoints().stream().mapToDouble(Datapoint::sum).sum();
    }
}
