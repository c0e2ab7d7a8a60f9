package dev.greenlight.local.aws.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.local.clock.VirtualClock;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.InvalidEventPatternException;
import software.amazon.awssdk.services.eventbridge.model.LimitExceededException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsResponse;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Target;

class EventBridgeTwinTest {

    private static final String PATTERN = "{\"source\": [\"greenlight.test\"]}";
    private static final String SM = "arn:aws:states:us-east-1:123456789012:stateMachine:pipeline";
    /** A state machine target needs a role that EventBridge starts it as. */
    private static final String ROLE = "arn:aws:iam::123456789012:role/events-start-pipeline";

    private final VirtualClock clock = new VirtualClock();
    private final RecordingTargets targets = new RecordingTargets();
    private final EventBridgeClient client = new EventBridgeTwin(clock, targets);

    @BeforeEach
    void rule() {
        client.putRule(r -> r.name("deploy").eventPattern(PATTERN).description("pushes"));
    }

    @Test
    void putRuleDescribesWithArnPatternAndDefaultState() {
        var rule = client.describeRule(r -> r.name("deploy"));

        assertThat(rule.arn()).isEqualTo("arn:aws:events:us-east-1:123456789012:rule/deploy");
        assertThat(rule.eventPattern()).isEqualTo(PATTERN);
        assertThat(rule.state()).isEqualTo(RuleState.ENABLED);
        assertThat(rule.eventBusName()).isEqualTo("default");
        assertThat(client.listRules(r -> r.namePrefix("dep")).rules()).extracting(r -> r.name()).containsExactly("deploy");
        assertThat(client.listRules(r -> r.namePrefix("x")).rules()).isEmpty();
    }

    @Test
    void invalidPatternIsRefusedAndCreatesNoRule() {
        assertThatThrownBy(() -> client.putRule(r -> r.name("bad").eventPattern("{\"source\": \"x\"}")))
                .isInstanceOf(InvalidEventPatternException.class);

        assertThatThrownBy(() -> client.describeRule(r -> r.name("bad"))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void invalidPatternOnAnExistingRuleLeavesItsPattern() {
        assertThatThrownBy(() -> client.putRule(r -> r.name("deploy").eventPattern("nope")))
                .isInstanceOf(InvalidEventPatternException.class);

        assertThat(client.describeRule(r -> r.name("deploy")).eventPattern()).isEqualTo(PATTERN);
    }

    @Test
    void ruleNameOutsideThePatternIsAValidationError() {
        assertThatThrownBy(() -> client.putRule(r -> r.name("no spaces").eventPattern(PATTERN)))
                .isInstanceOfSatisfying(EventBridgeException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
    }

    @Test
    void unknownRuleAndUnknownBusAreNotFound() {
        assertThatThrownBy(() -> client.enableRule(r -> r.name("ghost")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Rule ghost does not exist on EventBus default.");
        assertThatThrownBy(() -> client.putRule(r -> r.name("x").eventPattern(PATTERN).eventBusName("other")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void ruleWithTargetsCannotBeDeletedUntilTheyAreRemoved() {
        client.putTargets(r -> r.rule("deploy").targets(t -> t.id("sm").arn(SM).roleArn(ROLE)));

        assertThatThrownBy(() -> client.deleteRule(r -> r.name("deploy")))
                .isInstanceOfSatisfying(EventBridgeException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
        assertThat(client.listTargetsByRule(r -> r.rule("deploy")).targets()).hasSize(1);

        client.removeTargets(r -> r.rule("deploy").ids("sm"));
        client.deleteRule(r -> r.name("deploy"));
        assertThat(client.listRules(r -> { }).rules()).isEmpty();
    }

    @Test
    void sixthTargetExceedsTheLimitAndNoneIsAdded() {
        client.putTargets(r -> r.rule("deploy").targets(IntStream.range(0, 5)
                .mapToObj(i -> Target.builder().id("t" + i).arn(SM).roleArn(ROLE).build()).toList()));

        assertThatThrownBy(() -> client.putTargets(r -> r.rule("deploy").targets(t -> t.id("t5").arn(SM).roleArn(ROLE))))
                .isInstanceOf(LimitExceededException.class)
                .hasMessage("The requested resource exceeds the maximum number allowed. "
                        + "(Service: null, Status Code: 400, Request ID: local)");
        assertThat(client.listTargetsByRule(r -> r.rule("deploy")).targets()).hasSize(5);
    }

    @Test
    void badTargetsAreReportedInFailedEntriesWhileGoodOnesAreStored() {
        PutTargetsResponse response = client.putTargets(r -> r.rule("deploy").targets(
                t -> t.id("good").arn(SM).roleArn(ROLE),
                t -> t.id("notJson").arn(SM).roleArn(ROLE).input("{oops"),
                t -> t.id("both").arn(SM).roleArn(ROLE).input("{}").inputPath("$.detail"),
                t -> t.id("badTemplate").arn(SM).roleArn(ROLE).inputTransformer(i -> i.inputTemplate("{<v>: 1}")
                        .inputPathsMap(java.util.Map.of("v", "$.detail"))),
                t -> t.id("reserved").arn(SM).roleArn(ROLE).inputTransformer(i -> i.inputTemplate("\"x\"")
                        .inputPathsMap(java.util.Map.of("AWSkey", "$.detail"))),
                t -> t.id("badArn").arn("not-an-arn")));

        assertThat(response.failedEntryCount()).isEqualTo(5);
        assertThat(response.failedEntries()).extracting(e -> e.targetId())
                .containsExactly("notJson", "both", "badTemplate", "reserved", "badArn");
        assertThat(response.failedEntries()).allSatisfy(e -> assertThat(e.errorCode()).isEqualTo("ValidationException"));
        assertThat(client.listTargetsByRule(r -> r.rule("deploy")).targets()).extracting(Target::id).containsExactly("good");
    }

    @Test
    void tooManyInputPathsFailsTheTarget() {
        java.util.Map<String, String> paths = new java.util.HashMap<>();
        IntStream.rangeClosed(0, 100).forEach(i -> paths.put("v" + i, "$.detail"));

        PutTargetsResponse response = client.putTargets(r -> r.rule("deploy").targets(t -> t.id("t").arn(SM).roleArn(ROLE)
                .inputTransformer(i -> i.inputPathsMap(paths).inputTemplate("\"<v1>\""))));

        assertThat(response.failedEntryCount()).isEqualTo(1);
        assertThat(client.listTargetsByRule(r -> r.rule("deploy")).targets()).isEmpty();
    }

    @Test
    void matchingEventReachesTargetsOnTheClockNotDuringPutEvents() {
        client.putTargets(r -> r.rule("deploy").targets(t -> t.id("sm").arn(SM).roleArn(ROLE).inputPath("$.detail")));

        PutEventsResponse response = client.putEvents(r -> r.entries(
                e -> e.source("greenlight.test").detailType("t").detail("{\"n\": 1}"),
                e -> e.source("someone.else").detailType("t").detail("{\"n\": 2}")));

        assertThat(response.failedEntryCount()).isZero();
        assertThat(response.entries()).allSatisfy(e -> assertThat(e.eventId()).isNotBlank());
        assertThat(targets.deliveries).isEmpty();
        clock.runUntilIdle();
        assertThat(targets.inputsTo(SM)).containsExactly("{\"n\":1}");
    }

    @Test
    void disabledRuleDeliversNothingUntilEnabled() {
        client.putTargets(r -> r.rule("deploy").targets(t -> t.id("sm").arn(SM).roleArn(ROLE).input("{\"fixed\": true}")));
        client.disableRule(r -> r.name("deploy"));

        client.putEvents(r -> r.entries(e -> e.source("greenlight.test").detailType("t").detail("{}")));
        clock.runUntilIdle();
        assertThat(targets.deliveries).isEmpty();

        client.enableRule(r -> r.name("deploy"));
        client.putEvents(r -> r.entries(e -> e.source("greenlight.test").detailType("t").detail("{}")));
        clock.runUntilIdle();
        assertThat(targets.inputsTo(SM)).containsExactly("{\"fixed\": true}");
    }

    @Test
    void invalidEntriesFailOneByOneAndAreNotRouted() {
        client.putTargets(r -> r.rule("deploy").targets(t -> t.id("sm").arn(SM).roleArn(ROLE)));

        PutEventsResponse response = client.putEvents(r -> r.entries(
                e -> e.source("greenlight.test").detailType("t").detail("not json"),
                e -> e.source("greenlight.test").detailType("t"),
                e -> e.source("aws.ecr").detailType("t").detail("{}"),
                e -> e.source("greenlight.test").detailType("t").detail("{}")));
        clock.runUntilIdle();

        assertThat(response.failedEntryCount()).isEqualTo(3);
        assertThat(response.entries()).extracting(e -> e.errorCode())
                .containsExactly("MalformedDetail", "InvalidArgument", "NotAuthorizedForSourceException", null);
        assertThat(targets.deliveries).hasSize(1);
    }

    @Test
    void moreThanTenEntriesIsRefusedWhole() {
        assertThatThrownBy(() -> client.putEvents(r -> r.entries(IntStream.range(0, 11)
                .mapToObj(i -> software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry.builder()
                        .source("greenlight.test").detailType("t").detail("{}").build()).toList())))
                .isInstanceOfSatisfying(EventBridgeException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
        clock.runUntilIdle();
        assertThat(targets.deliveries).isEmpty();
    }
}
