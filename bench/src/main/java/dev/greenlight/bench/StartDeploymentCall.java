package dev.greenlight.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.twin.DemoService;
import dev.greenlight.workers.core.Worker;
import dev.greenlight.workers.deploy.StartDeployment;
import java.util.Map;

/**
 * StartDeployment of a new task definition of {@code 2.0}: CreateDeploymentConfig (which exists after
 * the warm-up sample) and CreateDeployment. Each deployment is stopped after its sample, so every sample
 * starts one.
 */
record StartDeploymentCall(OrdersOnTheTwin orders) implements WorkerCall {

    @Override
    public Class<? extends Worker<?, ?>> worker() {
        return StartDeployment.class;
    }

    @Override
    public Object prepare() {
        orders.stopDeployments();
        String taskDefinition = DemoService.registerTaskDefinition(orders.twin(), "orders", orders.image());
        return new StartDeployment.Input(taskDefinition, orders.config());
    }

    @Override
    public Map<String, String> environment() {
        return Map.of("SMOKE_TEST_FUNCTION", "greenlight-smoke-test");
    }

    @Override
    public void check(JsonNode response) {
        if (response.path("deploymentId").asText().isEmpty()) {
            throw new WrongResultException("StartDeployment", "no deployment started: " + response);
        }
        orders.stopDeployments();
    }
}
