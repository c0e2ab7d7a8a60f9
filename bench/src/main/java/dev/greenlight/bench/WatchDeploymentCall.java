package dev.greenlight.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.workers.core.Worker;
import dev.greenlight.workers.watch.WatchDeployment;

/** WatchDeployment of a deployment in its canary: GetDeployment, the alarms and their history; HEALTHY. */
record WatchDeploymentCall(OrdersOnTheTwin orders) implements WorkerCall {

    @Override
    public Class<? extends Worker<?, ?>> worker() {
        return WatchDeployment.class;
    }

    @Override
    public Object prepare() {
        orders.stopDeployments();
        String deploymentId = orders.startDeployment();
        return new WatchDeployment.Input(deploymentId, orders.config().alarms(), orders.clock().now().toString(),
                orders.config().canary().minutes());
    }

    @Override
    public void check(JsonNode response) {
        if (!"HEALTHY".equals(response.path("verdict").asText())) {
            throw new WrongResultException("WatchDeployment", "the verdict is not HEALTHY: " + response);
        }
    }
}
