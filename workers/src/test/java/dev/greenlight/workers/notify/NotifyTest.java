package dev.greenlight.workers.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.aws.sns.PublishedMessage;
import dev.greenlight.local.clock.VirtualClock;
import dev.greenlight.local.twin.LocalTwin;
import dev.greenlight.workers.config.ServiceConfig;
import dev.greenlight.workers.config.ServiceConfig.Notifications;
import dev.greenlight.workers.core.DeploymentInput.ImageRef;
import dev.greenlight.workers.core.TransientAwsError;
import dev.greenlight.workers.core.Worker;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.PublishResponse;
import software.amazon.awssdk.services.sns.model.SnsException;

/** Notify on the EventBridge and SNS twins; a rule copies every greenlight event to a tap topic to read it back. */
class NotifyTest {

    private static final ImageRef IMAGE = new ImageRef("orders", "1.4.2", "sha256:4f53cda18c2baa0c0354bb5f9a3e");

    private final VirtualClock clock = new VirtualClock();
    private final LocalTwin twin = LocalTwin.virtualTime(clock);
    private final String topic = twin.sns().createTopic(r -> r.name("greenlight-releases")).topicArn();
    private final String tap = twin.sns().createTopic(r -> r.name("greenlight-events-tap")).topicArn();
    private final Notify notify = new Notify(twin.eventBridge(), twin.sns());

    NotifyTest() {
        twin.eventBridge().putRule(r -> r.name("greenlight-tap").eventPattern("{\"source\": [\"greenlight\"]}"));
        twin.eventBridge().putTargets(r -> r.rule("greenlight-tap").targets(t -> t.id("tap").arn(tap)));
    }

    @AfterEach
    void close() {
        twin.close();
    }

    @Test
    void rollback_isAGreenlightDeploymentEvent_andAMessageWithAOneLineSubject() {
        NotifyResult result = notify.apply(new NotifyRequest(DeploymentEvent.ROLLED_BACK, "orders", IMAGE,
                config(topic, "default"), json("""
                        {"error": "Greenlight.AlarmFired", "cause": "orders-green-5xx went to ALARM at 10:02:00"}""")));

        JsonNode event = tappedEvents().get(0);
        assertThat(result.eventId()).isEqualTo(event.path("id").asText());
        assertThat(result.warnings()).isEmpty();
        assertThat(event.path("source").asText()).isEqualTo("greenlight");
        assertThat(event.path("detail-type").asText()).isEqualTo("Greenlight Deployment");
        assertThat(event.path("detail")).isEqualTo(json("""
                {"event": "ROLLED_BACK", "service": "orders",
                 "image": {"repository": "orders", "tag": "1.4.2", "digest": "sha256:4f53cda18c2baa0c0354bb5f9a3e"},
                 "detail": {"error": "Greenlight.AlarmFired", "cause": "orders-green-5xx went to ALARM at 10:02:00"}}"""));
        PublishedMessage message = twin.sns().published(topic).get(0);
        assertThat(result.messageId()).isEqualTo(message.messageId());
        assertThat(message.subject()).isEqualTo("orders 1.4.2: rolled back - Greenlight.AlarmFired");
        assertThat(message.message()).isEqualTo("""
                orders 1.4.2: rolled back - Greenlight.AlarmFired

                Service: orders
                Image:   orders:1.4.2@sha256:4f53cda18c2baa0c0354bb5f9a3e

                Detail:
                  error: Greenlight.AlarmFired
                  cause: orders-green-5xx went to ALARM at 10:02:00
                """);
    }

    @Test
    void rollbackOnAnAlarm_namesEachAlarmWithTheRoleOfWhatItWatches() {
        notify.apply(new NotifyRequest(DeploymentEvent.ROLLED_BACK, "orders", IMAGE, config(topic, "default"),
                json("""
                        {"error": "Greenlight.AlarmFired", "cause": "an alarm fired",
                         "failure": {"Error": "Greenlight.AlarmFired", "alarms": [
                           {"name": "orders-blue-5xx", "state": "ALARM", "firedAt": "2026-01-01T10:02:00Z",
                            "role": "green", "targetGroup": "orders-blue"},
                           {"name": "orders-green-5xx", "state": "OK", "firedAt": null, "role": "blue",
                            "targetGroup": "orders-green"},
                           {"name": "orders-cpu", "state": "OK", "firedAt": null, "role": null}]}}""")));

        assertThat(twin.sns().published(topic).get(0).message()).contains("""
                Alarms (blue: served production before; green: the replacement):
                  orders-blue-5xx (green: the replacement): ALARM, fired at 2026-01-01T10:02:00Z
                  orders-green-5xx (blue: served production before): OK
                  orders-cpu (watches neither blue nor green): OK
                """);
    }

    static Stream<Arguments> subjects() {
        return Stream.of(
                Arguments.of(DeploymentEvent.STARTED, IMAGE, "{\"trigger\": {\"source\": \"ecr-push\"}}",
                        "orders 1.4.2: deployment started"),
                Arguments.of(DeploymentEvent.SUCCEEDED, IMAGE, "{}", "orders 1.4.2: deployed"),
                Arguments.of(DeploymentEvent.ROLLED_BACK, IMAGE, "{\"Error\": \"Greenlight.SmokeTestFailed\", "
                        + "\"Cause\": \"GET /health: expected status 200, got 503\"}",
                        "orders 1.4.2: rolled back - Greenlight.SmokeTestFailed"),
                Arguments.of(DeploymentEvent.ROLLED_BACK, IMAGE, "null", "orders 1.4.2: rolled back"),
                Arguments.of(DeploymentEvent.SUCCEEDED, new ImageRef("orders", null, "sha256:4f53cda18c2baa0c03"),
                        "{}", "orders @4f53cda18c2b: deployed"));
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("subjects")
    void subject_namesTheReleaseWhatHappenedAndForARollbackTheError(DeploymentEvent event, ImageRef image,
            String detail, String subject) {
        notify.apply(new NotifyRequest(event, "orders", image, config(topic, null), json(detail)));

        assertThat(twin.sns().published(topic)).singleElement()
                .satisfies(message -> assertThat(message.subject()).isEqualTo(subject));
    }

    @Test
    void noTopicConfigured_sendsOnlyTheEvent() {
        NotifyResult result = notify.apply(new NotifyRequest(DeploymentEvent.STARTED, "orders", IMAGE,
                config(null, null), null));

        assertThat(result.eventId()).isNotBlank();
        assertThat(result.messageId()).isNull();
        assertThat(result.warnings()).isEmpty();
        assertThat(tappedEvents()).hasSize(1);
    }

    @Test
    void missingBus_isAWarningAndTheMessageStillGoesOut() {
        NotifyResult result = notify.apply(new NotifyRequest(DeploymentEvent.SUCCEEDED, "orders", IMAGE,
                config(topic, "audit"), null));

        assertThat(result.eventId()).isNull();
        assertThat(result.messageId()).isNotBlank();
        assertThat(result.warnings()).containsExactly("no event sent to bus 'audit': ResourceNotFoundException: "
                + "Event bus audit does not exist. (check notifications.eventBusName)");
        assertThat(twin.sns().published(topic)).hasSize(1);
    }

    @Test
    void missingTopic_isAWarningAndTheEventStillGoesOut() {
        String gone = topic.replace("greenlight-releases", "deleted-topic");

        NotifyResult result = notify.apply(new NotifyRequest(DeploymentEvent.SUCCEEDED, "orders", IMAGE,
                config(gone, null), null));

        assertThat(result.eventId()).isNotBlank();
        assertThat(result.messageId()).isNull();
        assertThat(result.warnings()).singleElement().asString()
                .startsWith("no message sent to " + gone + ": ")
                .endsWith("(check notifications.topicArn and the function's permissions)");
    }

    @Test
    void throttledSns_isTransient_soTheStateRetriesTheStep() {
        Notify throttled = new Notify(twin.eventBridge(), throttledSns());

        assertThatThrownBy(() -> invoke(throttled, """
                {"event": "SUCCEEDED", "service": "orders", "image": {"repository": "orders", "tag": "1.4.2"},
                 "config": %s}""".formatted(Worker.JSON.valueToTree(config(topic, null)))))
                .isInstanceOf(TransientAwsError.class).hasMessageContaining("Rate exceeded");
    }

    @Test
    void stateInput_isReadFromJson_andAnUnknownEventIsRefused() throws IOException {
        JsonNode output = Worker.JSON.readTree(invoke(notify, """
                {"event": "STARTED", "service": "orders", "image": {"repository": "orders", "tag": "1.4.2"}}"""));

        assertThat(output.path("eventId").asText()).isNotBlank();
        assertThat(output.path("warnings").isArray()).isTrue();
        assertThatThrownBy(() -> invoke(notify, "{\"event\": \"DONE\", \"service\": \"orders\"}"))
                .hasMessageContaining("not one of the values accepted")
                .hasMessageContainingAll("\"DONE\"", "STARTED", "SUCCEEDED", "ROLLED_BACK");
    }

    @Test
    void noEvent_isRefusedNamingTheValuesThereAre() {
        assertThatThrownBy(() -> notify.apply(new NotifyRequest(null, "orders", IMAGE, null, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("event is missing: pass \"event\": \"STARTED\", \"SUCCEEDED\" or \"ROLLED_BACK\"");
    }

    private static ServiceConfig config(String topicArn, String bus) {
        return new ServiceConfig("orders", "greenlight", "orders", "app", 8080,
                new ServiceConfig.CodeDeployTarget("orders", "orders-dg"), List.of(), null, 10, null, null,
                List.of(), null, new Notifications(topicArn, bus));
    }

    /** The events the tap rule delivered, as EventBridge sends them to targets. */
    private List<JsonNode> tappedEvents() {
        clock.advance(java.time.Duration.ofSeconds(1));
        return twin.sns().published(tap).stream().map(message -> json(message.message())).toList();
    }

    private SnsClient throttledSns() {
        return new SnsClient() {
            @Override
            public PublishResponse publish(PublishRequest request) {
                throw SnsException.builder().statusCode(400).message("Rate exceeded")
                        .awsErrorDetails(AwsErrorDetails.builder().errorCode("Throttling").errorMessage("Rate exceeded")
                                .build())
                        .build();
            }

            @Override
            public String serviceName() {
                return SERVICE_NAME;
            }

            @Override
            public void close() {
            }
        };
    }

    private static JsonNode json(String text) {
        try {
            return Worker.JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String invoke(Worker<?, ?> worker, String input) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        worker.handleRequest(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, null);
        return out.toString(StandardCharsets.UTF_8);
    }
}
