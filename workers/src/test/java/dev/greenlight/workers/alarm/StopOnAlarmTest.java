package dev.greenlight.workers.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.workers.alarm.StoppedDeployment.Result;
import dev.greenlight.workers.config.GreenlightConfig;
import dev.greenlight.workers.core.Worker;
import dev.greenlight.workers.deploy.Canaries;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;

/** The worker against the CodeDeploy twin holding a 10 % canary of the demo service. */
class StopOnAlarmTest {

    private static final DateTimeFormatter EVENT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
            .withZone(ZoneOffset.UTC);

    private final Canaries stage = new Canaries();
    private final StopOnAlarm worker = new StopOnAlarm(stage.twin.codeDeploy(),
            new GreenlightConfig(Map.of("orders", stage.config)));

    @AfterEach
    void close() {
        stage.close();
    }

    @Test
    void alarmOfAServiceOnItsCanary_stopsTheDeploymentAndAllTrafficIsBackOnBlueAtOnce() {
        String id = stage.deploy("3.0", "healthy");
        stage.clock.advance(Duration.ofMinutes(2));
        assertThat(stage.productionWeights()).containsEntry("orders-green", 10);

        StopOnAlarm.Output out = worker.apply(event("orders-green-5xx", "ALARM", stage.clock.now()));

        assertThat(out.deployments()).containsExactly(new StoppedDeployment("orders", id, Result.STOPPED));
        assertThat(stage.deployment(id).status()).isEqualTo(DeploymentStatus.STOPPED);
        assertThat(stage.productionWeights()).as("no clock tick needed").containsEntry("orders-blue", 100);
    }

    @Test
    void aSecondEventForTheSameAlarm_findsNothingToStop() {
        stage.deploy("3.0", "healthy");
        stage.clock.advance(Duration.ofMinutes(2));
        worker.apply(event("orders-green-5xx", "ALARM", stage.clock.now()));

        assertThat(worker.apply(event("orders-green-5xx", "ALARM", stage.clock.now())).deployments())
                .as("the rollback deployment is CodeDeploy's own and is left to finish").isEmpty();
    }

    @Test
    void otherStatesAlarmsOfNoServiceAndAnIdleGroup_doNothing() {
        assertThat(worker.apply(event("orders-green-5xx", "ALARM", stage.clock.now())).deployments()).isEmpty();
        String id = stage.deploy("3.0", "healthy");
        stage.clock.advance(Duration.ofMinutes(2));

        assertThat(worker.apply(event("orders-green-5xx", "OK", stage.clock.now())).deployments()).isEmpty();
        assertThat(worker.apply(event("payments-5xx", "ALARM", stage.clock.now())).deployments()).isEmpty();
        assertThat(stage.deployment(id).status()).isEqualTo(DeploymentStatus.IN_PROGRESS);
    }

    @Test
    void aDeploymentStartedAfterTheAlarmFired_isLeftToThePipeline() {
        Instant firedAt = stage.clock.now();
        stage.clock.advance(Duration.ofSeconds(30));
        String id = stage.deploy("3.0", "healthy");
        stage.clock.advance(Duration.ofMinutes(2));

        assertThat(worker.apply(event("orders-green-5xx", "ALARM", firedAt)).deployments())
                .containsExactly(new StoppedDeployment("orders", id, Result.STARTED_AFTER_ALARM));
        assertThat(stage.deployment(id).status()).isEqualTo(DeploymentStatus.IN_PROGRESS);
    }

    @Test
    void readsCloudWatchsOwnEvent_throughTheLambdaHandler() throws Exception {
        String id = stage.deploy("3.0", "healthy");
        stage.clock.advance(Duration.ofMinutes(2));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = getClass().getResourceAsStream("/events/alarm-state-change.json")) {
            String event = new String(in.readAllBytes()).replace("2026-01-01T00:10:00.123+0000",
                    EVENT_TIME.format(stage.clock.now()));
            worker.handleRequest(new ByteArrayInputStream(event.getBytes()), out, null);
        }

        JsonNode answer = Worker.JSON.readTree(out.toByteArray());
        assertThat(answer.path("alarmName").asText()).isEqualTo("orders-green-5xx");
        assertThat(answer.path("deployments").path(0).path("deploymentId").asText()).isEqualTo(id);
        assertThat(answer.path("deployments").path(0).path("result").asText()).isEqualTo("STOPPED");
    }

    @Test
    void refusesAnythingButAnAlarmStateChangeEvent() {
        assertThatThrownBy(() -> worker.apply(new AlarmStateChange("Something", null)))
                .hasMessageContaining("CloudWatch Alarm State Change");
    }

    private static AlarmStateChange event(String alarm, String state, Instant at) {
        return new AlarmStateChange("CloudWatch Alarm State Change", new AlarmStateChange.Detail(alarm,
                new AlarmStateChange.State(state, EVENT_TIME.format(at))));
    }
}
