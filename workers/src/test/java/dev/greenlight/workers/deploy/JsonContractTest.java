package dev.greenlight.workers.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.workers.core.Worker;
import dev.greenlight.workers.promote.Promote;
import dev.greenlight.workers.rollback.Rollback;
import dev.greenlight.workers.watch.WatchDeployment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The four workers through Lambda's JSON entry point, with the field names statemachine/README.md states. */
class JsonContractTest {

    private final Canaries stage = new Canaries();

    @AfterEach
    void close() {
        stage.close();
    }

    @Test
    void aCanaryThroughTheLambdaEntryPoints_speaksTheContractsJson() throws Exception {
        String config = Worker.JSON.writeValueAsString(stage.config);
        JsonNode started = call(stage.startDeployment(), """
                {"taskDefinitionArn": "%s", "config": %s, "image": {"tag": "ignored"}}"""
                .formatted(stage.release("2.0", "healthy"), config));
        assertThat(started.fieldNames()).toIterable()
                .containsExactlyInAnyOrder("deploymentId", "startedAt", "deploymentConfigName");
        String id = started.get("deploymentId").asText();

        stage.clock.advance(Duration.ofMinutes(1));
        JsonNode look = call(new WatchDeployment(stage.twin.codeDeploy(), stage.twin.ecs(), stage.twin.cloudWatch(), stage.twin.elb(), stage.workerClock),
                """
                {"deploymentId": "%s", "alarms": ["orders-blue-5xx", "orders-green-5xx"], "windowStart": "%s",
                 "windowMinutes": 5, "canary": %s, "evidenceStart": "%s", "evidenceDue": "AT_MAX_MINUTES"}"""
                        .formatted(id, started.get("startedAt").asText(), Worker.JSON.writeValueAsString(
                                stage.config.canary()), started.get("startedAt").asText()));
        assertThat(look.fieldNames()).toIterable().containsExactlyInAnyOrder("verdict", "deploymentStatus",
                "errorCode", "errorMessage", "windowOver", "readyToPromote", "alarms", "nextCheckSeconds",
                "checkedAt", "analysis", "evidenceDueAt", "smokeTest");
        assertThat(look.get("analysis").fieldNames()).toIterable().containsExactlyInAnyOrder("verdict", "reason",
                "green", "blue", "errors", "latency");
        assertThat(look.get("analysis").get("verdict").asText()).isEqualTo("INSUFFICIENT_EVIDENCE");
        assertThat(look.get("analysis").get("errors").fieldNames()).toIterable().containsExactlyInAnyOrder(
                "statistic", "comparedWith", "pValue", "alpha", "failed");
        assertThat(look.get("verdict").asText()).isEqualTo("HEALTHY");
        assertThat(look.get("deploymentStatus").asText()).isEqualTo("InProgress");
        assertThat(look.get("alarms").get(0).fieldNames()).toIterable()
                .containsExactlyInAnyOrder("name", "state", "firedAt", "reason", "role", "targetGroup");
        assertThat(look.get("alarms")).extracting(alarm -> alarm.get("role").asText())
                .containsExactly("blue", "green");
        assertThat(look.get("nextCheckSeconds").asLong()).isEqualTo(10);

        stage.advanceUntil(id, Canaries::inTerminationWait, Duration.ofMinutes(20));
        JsonNode promoted = call(new Promote(stage.twin.codeDeploy(), stage.workerClock),
                "{\"deploymentId\": \"" + id + "\"}");
        assertThat(promoted.get("promotedAt").asText()).isEqualTo(stage.clock.now().toString());

        JsonNode rolledBack = call(new Rollback(stage.twin.codeDeploy()), """
                {"deploymentId": "%s", "previousTaskDefinitionArn": "%s", "config": %s, "reason": "bake alarm"}"""
                .formatted(id, stage.runningTaskDefinition(), config));
        assertThat(rolledBack.get("action").asText()).isEqualTo("REDEPLOYED");
        assertThat(rolledBack.get("rollbackDeploymentId").asText()).startsWith("d-");
    }

    private static JsonNode call(Worker<?, ?> worker, String input) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        worker.handleRequest(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, null);
        return Worker.JSON.readTree(out.toByteArray());
    }
}
