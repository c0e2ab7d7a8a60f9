package dev.greenlight.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.workers.core.DeploymentInput.ImageRef;
import dev.greenlight.workers.core.Worker;
import dev.greenlight.workers.verify.VerifyImage;

/** VerifyImage of {@code orders:2.0} by tag: ECR and ECS reads, and the image config's download; accepted. */
record VerifyImageCall(OrdersOnTheTwin orders) implements WorkerCall {

    @Override
    public Class<? extends Worker<?, ?>> worker() {
        return VerifyImage.class;
    }

    @Override
    public Object prepare() {
        return new VerifyImage.Input(new ImageRef("orders", "2.0", null), orders.config());
    }

    @Override
    public void check(JsonNode response) {
        if (!response.path("accepted").asBoolean()) {
            throw new WrongResultException("VerifyImage", "orders:2.0 was not accepted: " + response.path("reasons"));
        }
    }
}
