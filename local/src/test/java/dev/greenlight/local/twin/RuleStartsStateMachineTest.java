package dev.greenlight.local.twin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.local.clock.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;

/**
 * An EventBridge rule starts its state machine target as the target's {@code RoleArn}, which needs
 * {@code states:StartExecution} on the state machine ("Step Functions state machine target",
 * EventBridge User Guide), and which must let EventBridge assume it. Without either the execution is
 * not started and the rule's FailedInvocations metric counts the delivery; PutTargets refuses a state
 * machine target with no role at all.
 */
class RuleStartsStateMachineTest {

    private static final String MACHINE = "arn:aws:states:us-east-1:123456789012:stateMachine:pipeline";
    private static final String ROLE = "arn:aws:iam::123456789012:role/events-start-pipeline";

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final LocalTwin twin = LocalTwin.virtualTime(clock);

    RuleStartsStateMachineTest() {
        twin.stepFunctions().createStateMachine(r -> r.name("pipeline").roleArn("arn:aws:iam::123456789012:role/sfn")
                .definition("{\"StartAt\": \"Done\", \"States\": {\"Done\": {\"Type\": \"Pass\", \"End\": true}}}"));
        twin.iam().createRole(r -> r.roleName("events-start-pipeline").assumeRolePolicyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",
                 "Principal":{"Service":"events.amazonaws.com"}}]}"""));
        twin.eventBridge().putRule(r -> r.name("on-push").eventPattern("{\"source\": [\"greenlight.test\"]}"));
    }

    @AfterEach
    void close() {
        twin.close();
    }

    @ParameterizedTest(name = "role's statements {0}, target role {1}: started {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # the role's policy statements                                                             | target role | started
            {"Effect":"Allow","Action":"states:StartExecution","Resource":"%s"}                         | %s          | 1
            {"Effect":"Allow","Action":"states:*","Resource":"*"}                                       | %s          | 1
            {"Effect":"Allow","Action":"states:StartExecution","Resource":"arn:aws:states:us-east-1:123456789012:stateMachine:pipe*"} | %s | 1
            {"Effect":"Allow","Action":"states:StartExecution","Resource":"arn:aws:states:us-east-1:123456789012:stateMachine:other"} | %s | 0
            {"Effect":"Allow","Action":"states:StartSyncExecution","Resource":"%s"}                     | %s          | 0
            {"Effect":"Allow","Action":"lambda:InvokeFunction","Resource":"*"}                          | %s          | 0
            {"Effect":"Allow","Action":"states:*","Resource":"*"},{"Effect":"Deny","Action":"states:StartExecution","Resource":"%s"} | %s | 0
            {"Effect":"Allow","Action":"states:StartExecution","Resource":"%s"}                         | arn:aws:iam::123456789012:role/missing | 0
            """)
    void theStateMachineStarts_onlyWhenTheTargetsRoleMayStartIt(String statements, String targetRole,
            int expectedStarted) {
        twin.iam().putRolePolicy(r -> r.roleName("events-start-pipeline").policyName("start").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements.replace("%s", MACHINE) + "]}"));
        twin.eventBridge().putTargets(r -> r.rule("on-push").targets(t -> t.id("pipeline").arn(MACHINE)
                .roleArn(targetRole == null ? null : targetRole.formatted(ROLE))));

        twin.eventBridge().putEvents(r -> r.entries(e -> e.source("greenlight.test").detailType("push").detail("{}")));
        clock.advance(Duration.ofMinutes(1));

        assertThat(executions()).isEqualTo(expectedStarted);
        assertThat(failedInvocations()).isEqualTo(expectedStarted == 1 ? 0 : 1);
    }

    @Test
    void aStateMachineTargetWithoutARole_isRefusedByPutTargets() {
        assertThatThrownBy(() -> twin.eventBridge().putTargets(r -> r.rule("on-push").targets(t -> t.id("pipeline")
                .arn(MACHINE))))
                .isInstanceOfSatisfying(EventBridgeException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("RoleArn is required for target " + MACHINE
                            + ".");
                });
        assertThat(twin.eventBridge().listTargetsByRule(r -> r.rule("on-push")).targets()).isEmpty();
    }

    /** EventBridge assumes the target's role as events.amazonaws.com, for the rule: the role's trust policy decides. */
    @ParameterizedTest(name = "trust {0}: started {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"Service":"events.amazonaws.com"}                                                               | 1
            {"Service":"states.amazonaws.com"}                                                               | 0
            {"Service":"events.amazonaws.com"}, "Condition":{"ArnEquals":{"aws:SourceArn":"arn:aws:events:us-east-1:123456789012:rule/on-push"}} | 1
            {"Service":"events.amazonaws.com"}, "Condition":{"ArnEquals":{"aws:SourceArn":"arn:aws:events:us-east-1:123456789012:rule/other"}}   | 0
            {"Service":"events.amazonaws.com"}, "Condition":{"StringEquals":{"aws:SourceAccount":"123456789012"}} | 1
            {"Service":"events.amazonaws.com"}, "Condition":{"StringEquals":{"aws:SourceAccount":"210987654321"}} | 0
            """)
    void theTargetsRoleIsAssumed_onlyWhenItsTrustPolicyLetsEventBridgeAssumeItForTheRule(String principalAndCondition,
            int expectedStarted) {
        twin.iam().updateAssumeRolePolicy(r -> r.roleName("events-start-pipeline").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                        + "\"Principal\":" + principalAndCondition + "}]}"));
        twin.iam().putRolePolicy(r -> r.roleName("events-start-pipeline").policyName("start").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"states:StartExecution\","
                        + "\"Resource\":\"" + MACHINE + "\"}]}"));
        twin.eventBridge().putTargets(r -> r.rule("on-push").targets(t -> t.id("pipeline").arn(MACHINE).roleArn(ROLE)));

        twin.eventBridge().putEvents(r -> r.entries(e -> e.source("greenlight.test").detailType("push").detail("{}")));
        clock.advance(Duration.ofMinutes(1));

        assertThat(executions()).isEqualTo(expectedStarted);
        assertThat(failedInvocations()).isEqualTo(expectedStarted == 1 ? 0 : 1);
    }

    @ParameterizedTest(name = "enforcement {0}: started {1}")
    @CsvSource({"on, 0", "off, 1"})
    void withEnforcementOff_theRoleIsNotAsked(String enforcement, int expectedStarted) {
        twin.iamEnforcement().enforce(enforcement.equals("on"));
        twin.eventBridge().putTargets(r -> r.rule("on-push").targets(t -> t.id("pipeline").arn(MACHINE).roleArn(ROLE)));

        twin.eventBridge().putEvents(r -> r.entries(e -> e.source("greenlight.test").detailType("push").detail("{}")));
        clock.advance(Duration.ofMinutes(1));

        assertThat(executions()).isEqualTo(expectedStarted);
    }

    private int executions() {
        return twin.stepFunctions().listExecutions(r -> r.stateMachineArn(MACHINE)).executions().size();
    }

    /** {@code AWS/Events FailedInvocations} of the rule, summed; AWS sends it only when not zero. */
    private double failedInvocations() {
        return twin.cloudWatch().getMetricStatistics(r -> r.namespace("AWS/Events").metricName("FailedInvocations")
                        .dimensions(d -> d.name("RuleName").value("on-push")).statistics(Statistic.SUM).period(3600)
                        .startTime(Instant.parse("2026-01-01T00:00:00Z")).endTime(Instant.parse("2026-01-01T01:00:00Z")))
                .datapoints().stream().mapToDouble(Datapoint::sum).sum();
    }
}
