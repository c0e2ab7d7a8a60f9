package dev.greenlight.workers.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.aws.ecr.LocalImage;
import dev.greenlight.local.clock.VirtualClock;
import dev.greenlight.local.twin.LocalTwin;
import dev.greenlight.workers.config.ConfigException;
import dev.greenlight.workers.core.DeploymentInput;
import dev.greenlight.workers.core.Worker;
import dev.greenlight.workers.testing.Configs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;

/** The Trigger against the twin's Step Functions (a pipeline that only waits), fed ECR's push event. */
class TriggerTest {

    private static final String DIGEST = "sha256:7f5b2640fe6fb4f46592dfd3410c4a79dac4f89e4782432e0378abcd12345678";

    private final VirtualClock clock = new VirtualClock();
    private final LocalTwin twin = LocalTwin.virtualTime(clock);
    private final String pipeline = twin.stepFunctions().createStateMachine(r -> r.name("greenlight-pipeline")
            .roleArn("arn:aws:iam::123456789012:role/pipeline")
            .definition("{\"StartAt\": \"W\", \"States\": {\"W\": {\"Type\": \"Wait\", \"Seconds\": 3600, \"End\": true}}}"))
            .stateMachineArn();
    private final Trigger trigger = new Trigger(twin.stepFunctions(), pipeline, Configs.file(""));

    @AfterEach
    void close() {
        twin.close();
    }

    @Test
    void pushOfAConfiguredRepository_startsThePipelineWithTheDeploymentInput() throws IOException {
        Trigger.Output out = trigger.apply(event());

        String name = DeploymentInput.executionName("orders", "2.0", DIGEST);
        assertThat(out.started()).isTrue();
        assertThat(out.executionName()).isEqualTo(name).isEqualTo("orders-2_0-7f5b2640fe6f");
        assertThat(out.executionArn()).endsWith(":execution:greenlight-pipeline:" + name);
        DeploymentInput input = Worker.JSON.readValue(twin.stepFunctions()
                .describeExecution(r -> r.executionArn(out.executionArn())).input(), DeploymentInput.class);
        assertThat(input.service()).isEqualTo("orders");
        assertThat(input.image()).isEqualTo(new DeploymentInput.ImageRef("orders", "2.0", DIGEST));
        assertThat(input.trigger().source()).isEqualTo("ecr-push");
        assertThat(input.trigger().by()).isEqualTo("ECR push in account 123456789012");
        assertThat(input.trigger().reason()).startsWith("pushed orders:2.0@" + DIGEST + " at 2026-01-01T00:00:00Z");
        assertThat(input.config()).isEqualTo(Configs.orders());
        assertThat(input.override()).isNull();
    }

    @Test
    void sameEventAgain_whileRunningOrAfter_startsNothingNew() throws IOException {
        String first = trigger.apply(event()).executionArn();

        Trigger.Output whileRunning = trigger.apply(event());
        clock.advance(Duration.ofHours(2));
        ObjectNode laterEvent = event();
        laterEvent.put("id", "another-delivery");
        Trigger.Output afterwards = trigger.apply(laterEvent);

        assertThat(whileRunning.started()).isFalse();
        assertThat(whileRunning.executionArn()).isEqualTo(first);
        assertThat(whileRunning.note()).startsWith("already deploying orders:2.0@" + DIGEST);
        assertThat(afterwards.started()).isFalse();
        assertThat(executions()).hasSize(1);
    }

    @Test
    void repositoryNoServiceDeploys_isUnknownRepositoryAndStartsNothing() throws IOException {
        ObjectNode event = event();
        ((ObjectNode) event.get("detail")).put("repository-name", "payments");

        assertThatThrownBy(() -> trigger.apply(event)).isInstanceOf(UnknownRepository.class)
                .hasMessageContaining("repository 'payments'").hasMessageContaining("orders <- orders");
        assertThat(executions()).isEmpty();
    }

    @Test
    void repositoryOfTwoServices_isAConfigurationProblem() {
        Trigger both = new Trigger(twin.stepFunctions(), pipeline, dev.greenlight.workers.config.ConfigLoader.parse(
                """
                {"services": {"a": %s, "b": %s}}""".formatted(service(), service())));

        assertThatThrownBy(() -> both.apply(event())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("deployed by several services (a, b)");
        assertThat(executions()).isEmpty();
    }

    @ParameterizedTest(name = "{0} = {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "source                   | \"aws.s3\"                  | source must be \"aws.ecr\"",
            "detail-type              | \"ECR Image Scan\"          | detail-type must be \"ECR Image Action\"",
            "detail                   | \"x\"                       | detail must be an object",
            "detail.repository-name   | null                        | detail.repository-name is required",
            "detail.image-digest      | \"latest\"                  | detail.image-digest must look like sha256:<hex>",
            "detail.action-type       | 7                           | detail.action-type is required"})
    void malformedEvent_isRefusedNamingTheFieldAndStartsNothing(String field, String value, String message)
            throws IOException {
        ObjectNode event = event();
        ObjectNode holder = field.startsWith("detail.") ? (ObjectNode) event.get("detail") : event;
        holder.set(field.replace("detail.", ""), Worker.JSON.readTree(value));

        assertThatThrownBy(() -> trigger.apply(event)).isInstanceOf(MalformedEvent.class).hasMessageContaining(message);
        assertThat(executions()).isEmpty();
    }

    @Test
    void deleteOrFailedPush_isIgnored() throws IOException {
        ObjectNode event = event();
        ((ObjectNode) event.get("detail")).put("action-type", "DELETE");

        Trigger.Output out = trigger.apply(event);

        assertThat(out.started()).isFalse();
        assertThat(out.note()).startsWith("ignored: DELETE SUCCESS");
        assertThat(executions()).isEmpty();
    }

    @Test
    void realPushOnTheTwin_reachesTheTriggerThroughAnEventBridgeRuleAndStartsOnce() {
        String function = twin.lambda().register("greenlight-trigger", event -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            trigger.handleRequest(new ByteArrayInputStream(Worker.JSON.writeValueAsBytes(event)), out, null);
            return Worker.JSON.readTree(out.toByteArray());
        });
        String rule = twin.eventBridge().putRule(r -> r.name("orders-push").eventPattern(
                "{\"source\": [\"aws.ecr\"], \"detail-type\": [\"ECR Image Action\"], "
                        + "\"detail\": {\"action-type\": [\"PUSH\"], \"result\": [\"SUCCESS\"]}}")).ruleArn();
        // As in AWS, the rule may invoke the function only by the function's resource policy.
        twin.lambda().addPermission(r -> r.functionName(function).statementId("orders-push")
                .action("lambda:InvokeFunction").principal("events.amazonaws.com").sourceArn(rule));
        twin.eventBridge().putTargets(r -> r.rule("orders-push").targets(t -> t.id("trigger").arn(function)));
        twin.ecr().createRepository(r -> r.repositoryName("orders"));

        String digest = twin.ecr().push("orders", LocalImage.of("2.0", "healthy"));
        clock.advance(Duration.ofMinutes(1));

        assertThat(executions()).singleElement().satisfies(execution -> assertThat(execution.name())
                .isEqualTo(DeploymentInput.executionName("orders", "2.0", digest)));
    }

    private java.util.List<ExecutionListItem> executions() {
        return twin.stepFunctions().listExecutions(r -> r.stateMachineArn(pipeline)).executions();
    }

    private static ObjectNode event() throws IOException {
        try (InputStream in = TriggerTest.class.getResourceAsStream("/events/ecr-push.json")) {
            return (ObjectNode) Worker.JSON.readTree(in);
        }
    }

    private static String service() {
        return """
                {"repository": "orders", "cluster": "c", "service": "s", "container": "app", "containerPort": 80,
                 "codeDeploy": {"application": "a", "deploymentGroup": "g"},
                 "smoke": {"testUrl": "http://x:8080", "checks": [{"path": "/"}]}}""";
    }
}
