package dev.greenlight.workers.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.aws.sns.PublishedMessage;
import dev.greenlight.local.clock.VirtualClock;
import dev.greenlight.local.twin.LocalTwin;
import dev.greenlight.workers.config.ConfigException;
import dev.greenlight.workers.config.ConfigLoader;
import dev.greenlight.workers.config.ServiceConfig;
import dev.greenlight.workers.core.DeploymentInput.ImageRef;
import dev.greenlight.workers.core.Worker;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RequestApprovalTest {

    private static final String DIGEST = "sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945";
    private static final ImageRef IMAGE = new ImageRef("orders", "1.4.2", DIGEST);
    private static final String TOKEN = "AQCEAAAAKgAAAAMAAAAAAAAAAf+token/with+base64==";

    private final LocalTwin twin = LocalTwin.virtualTime(new VirtualClock());
    private final String topic = twin.sns().createTopic(r -> r.name("greenlight-approvals")).topicArn();
    private final RequestApproval approval = new RequestApproval(twin.sns(),
            Clock.fixed(Instant.parse("2026-03-02T10:15:30.250Z"), ZoneOffset.UTC));

    @AfterEach
    void close() {
        twin.close();
    }

    @Test
    void approvalRequest_isOneMessageWithTheEvidenceTheDeadlineAndTheExactCommands() {
        ApprovalNotice notice = approval.apply(new ApprovalRequest(TOKEN, "orders-1_4_2-4f53cda18c2b", "orders", IMAGE,
                config(topic, 90), evidence()));

        PublishedMessage message = twin.sns().published(topic).get(0);
        assertThat(notice).isEqualTo(new ApprovalNotice(true, message.messageId(), "2026-03-02T11:45:30Z"));
        assertThat(message.subject()).isEqualTo("Approve orders 1.4.2? Greenlight waits until 2026-03-02T11:45:30Z");
        assertThat(message.message()).isEqualTo("""
                Greenlight asks for a decision: release orders 1.4.2 to all production traffic?

                Image:      orders:1.4.2@%1$s
                Execution:  orders-1_4_2-4f53cda18c2b
                Deadline:   2026-03-02T11:45:30Z (no answer by then rolls the release back)

                Evidence:
                  digest: %1$s
                  findings:
                    CRITICAL: 0
                    HIGH: 2
                  smoke:
                    status: SUCCEEDED
                    results:
                      - check: GET /health
                        passed: true
                        status: 200
                  canary:
                    verdict: HEALTHY
                    alarms:
                      - name: orders-green-5xx
                        state: OK

                To approve:
                  greenlight approve orders-1_4_2-4f53cda18c2b --reason "..."
                To reject (rolls back now):
                  greenlight reject orders-1_4_2-4f53cda18c2b --reason "..."

                Without the greenlight command, answer the task token with the AWS CLI:
                  aws stepfunctions send-task-success --task-token '%2$s' --task-output '{"approved": true, "by": "<you>", "reason": "..."}'
                  aws stepfunctions send-task-failure --task-token '%2$s' --error Greenlight.ApprovalRejected --cause "<you>: ..."

                Task token:
                %2$s
                """.formatted(DIGEST, TOKEN));
    }

    @Test
    void executionNotPassed_isTheNameTheTriggerDerivesFromServiceTagAndDigest() {
        approval.apply(new ApprovalRequest(TOKEN, null, "orders", IMAGE, config(topic, 60), null));

        assertThat(twin.sns().published(topic).get(0).message())
                .contains("greenlight approve orders-1_4_2-4f53cda18c2b --reason")
                .contains("Evidence:\n  none\n");
    }

    @Test
    void stateInput_isReadFromJsonAsTheStatePassesIt() throws Exception {
        String input = """
                {"taskToken": "%s", "execution": "orders-1_4_2-4f53cda18c2b", "service": "orders",
                 "image": {"repository": "orders", "tag": "1.4.2", "digest": "%s"},
                 "config": %s, "evidence": {"digest": "%2$s"}}
                """.formatted(TOKEN, DIGEST, Worker.JSON.writeValueAsString(config(topic, 60)));

        JsonNode output = Worker.JSON.readTree(invoke(approval, input));

        assertThat(output.path("notified").asBoolean()).isTrue();
        assertThat(output.path("messageId").asText()).isEqualTo(twin.sns().published(topic).get(0).messageId());
    }

    @Test
    void noTopicConfigured_isAnErrorSayingToSetOne_andNothingIsSent() {
        assertThatThrownBy(() -> approval.apply(new ApprovalRequest(TOKEN, null, "orders", IMAGE, config(null, 60),
                evidence())))
                .isInstanceOf(ConfigException.class)
                .hasMessage("services.orders.notifications.topicArn: is required for manual approval: set it to the SNS "
                        + "topic the approvers subscribe to, or set approval.mode to \"auto\"");
        assertThat(twin.sns().published(topic)).isEmpty();
    }

    static Stream<Arguments> incompleteInputs() {
        ServiceConfig config = config("arn:aws:sns:us-east-1:000000000000:t", 60);
        return Stream.of(
                Arguments.of(new ApprovalRequest(null, null, "orders", IMAGE, config, null),
                        "taskToken is missing: RequestApproval runs as a .waitForTaskToken task; pass "
                                + "\"taskToken.$\": \"$$.Task.Token\" in its Payload"),
                Arguments.of(new ApprovalRequest(TOKEN, null, " ", IMAGE, config, null),
                        "service is missing: pass \"service.$\": \"$.service\""),
                Arguments.of(new ApprovalRequest(TOKEN, null, "orders", null, config, null),
                        "image is missing: pass \"image.$\": \"$.image\""),
                Arguments.of(new ApprovalRequest(TOKEN, null, "orders", IMAGE, null, null),
                        "config is missing: pass \"config.$\": \"$.config\" (the service's entry, with "
                                + "notifications.topicArn and approval.timeoutMinutes)"));
    }

    @ParameterizedTest
    @MethodSource("incompleteInputs")
    void incompleteInput_isRefusedNamingTheFieldAndHowToPassIt(ApprovalRequest request, String message) {
        assertThatThrownBy(() -> approval.apply(request)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    static ServiceConfig config(String topicArn, int timeoutMinutes) {
        String notifications = topicArn == null ? "" : ", \"notifications\": {\"topicArn\": \"" + topicArn + "\"}";
        return ConfigLoader.parse("""
                {"services": {"orders": {
                  "repository": "orders", "cluster": "greenlight", "service": "orders",
                  "container": "app", "containerPort": 8080,
                  "codeDeploy": {"application": "orders", "deploymentGroup": "orders-dg"},
                  "approval": {"mode": "manual", "timeoutMinutes": %d},
                  "smoke": {"testUrl": "http://127.0.0.1:8080", "checks": [{"path": "/health"}]}%s}}}
                """.formatted(timeoutMinutes, notifications)).service("orders");
    }

    private static JsonNode evidence() {
        try {
            return Worker.JSON.readTree("""
                    {"digest": "%s", "findings": {"CRITICAL": 0, "HIGH": 2},
                     "smoke": {"status": "SUCCEEDED", "results": [{"check": "GET /health", "passed": true, "status": 200}]},
                     "canary": {"verdict": "HEALTHY", "alarms": [{"name": "orders-green-5xx", "state": "OK"}]}}
                    """.formatted(DIGEST));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String invoke(Worker<?, ?> worker, String input) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        worker.handleRequest(new java.io.ByteArrayInputStream(input.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                out, null);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
