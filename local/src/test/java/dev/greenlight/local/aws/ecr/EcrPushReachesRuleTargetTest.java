package dev.greenlight.local.aws.ecr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.local.asl.Json;
import dev.greenlight.local.aws.eventbridge.EventBridgeTwin;
import dev.greenlight.local.clock.VirtualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.FindingSeverity;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/** The pipeline's trigger: an ECR push, matched by a rule, starts the state machine with a transformed input. */
class EcrPushReachesRuleTargetTest {

    private static final String PIPELINE = "arn:aws:states:us-east-1:123456789012:stateMachine:greenlight";
    /** A state machine target needs a role that EventBridge starts it as. */
    private static final String ROLE = "arn:aws:iam::123456789012:role/events-start-pipeline";

    private final VirtualClock clock = new VirtualClock();
    private final List<String> started = new ArrayList<>();
    private final EventBridgeTwin eventBridge = new EventBridgeTwin(clock, (rule, arn, role, input) -> {
        if (arn.equals(PIPELINE)) {
            started.add(input);
        }
    });
    private final EcrTwin ecr = new EcrTwin(clock,
            (type, resources, detail) -> eventBridge.putServiceEvent("aws.ecr", type, resources, detail));

    @Test
    void pushOfAMatchingTagStartsThePipelineWithTheServiceInput() {
        EventBridgeClient events = eventBridge;
        EcrClient registry = ecr;
        registry.createRepository(r -> r.repositoryName("orders"));
        events.putRule(r -> r.name("greenlight-orders").eventPattern("""
                {"source": ["aws.ecr"], "detail-type": ["ECR Image Action"],
                 "detail": {"action-type": ["PUSH"], "result": ["SUCCESS"], "repository-name": ["orders"],
                            "image-tag": [{"prefix": "1."}]}}"""));
        events.putTargets(r -> r.rule("greenlight-orders").targets(t -> t.id("pipeline").arn(PIPELINE).roleArn(ROLE)
                .inputTransformer(i -> i
                        .inputPathsMap(Map.of("repo", "$.detail.repository-name", "tag", "$.detail.image-tag",
                                "digest", "$.detail.image-digest"))
                        .inputTemplate("""
                                {"service": "orders",
                                 "image": {"repository": <repo>, "tag": <tag>, "digest": <digest>},
                                 "trigger": {"source": "ecr-push", "by": "<aws.events.rule-name>"}}"""))));

        String digest = ecr.push("orders", LocalImage.of("1.4.2", "healthy"));
        ecr.push("orders", LocalImage.of("2.0.0", "healthy"));
        clock.runUntilIdle();

        assertThat(started).containsExactly(Json.write(Json.parse("""
                {"service": "orders", "image": {"repository": "orders", "tag": "1.4.2", "digest": "%s"},
                 "trigger": {"source": "ecr-push", "by": "greenlight-orders"}}""".formatted(digest))));
    }

    @Test
    void scanWithCriticalFindingsMatchesANumericRule() {
        ecr.createRepository(r -> r.repositoryName("orders").imageScanningConfiguration(s -> s.scanOnPush(true)));
        eventBridge.putRule(r -> r.name("critical").eventPattern("""
                {"source": ["aws.ecr"], "detail-type": ["ECR Image Scan"],
                 "detail": {"finding-severity-counts": {"CRITICAL": [{"numeric": [">", 0]}]}}}"""));
        eventBridge.putTargets(r -> r.rule("critical").targets(t -> t.id("p").arn(PIPELINE).roleArn(ROLE)
                .inputPath("$.detail.image-tags")));

        ecr.push("orders", LocalImage.of("clean", "healthy"));
        ecr.push("orders", LocalImage.of("risky", "healthy").withFindings(List.of(
                new PlannedFinding("CVE-2026-1", FindingSeverity.CRITICAL, "bad"))));
        clock.runUntilIdle();

        assertThat(started).containsExactly("[\"risky\"]");
    }
}
