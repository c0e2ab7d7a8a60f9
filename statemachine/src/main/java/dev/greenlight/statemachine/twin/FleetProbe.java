package dev.greenlight.statemachine.twin;

import dev.greenlight.local.fleet.Fleet;
import dev.greenlight.local.fleet.UserResponse;
import dev.greenlight.workers.smoke.HttpProbe;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The smoke hook's requests in virtual time: through the fleet's modelled load balancer, which
 * answers at once, as the sample app would (its body carries its version).
 */
final class FleetProbe implements HttpProbe {

    private final Fleet fleet;

    FleetProbe(Fleet fleet) {
        this.fleet = fleet;
    }

    @Override
    public Answer send(String method, URI uri, Duration timeout) {
        CompletableFuture<UserResponse> answer = new CompletableFuture<>();
        fleet.request(uri.getPort(), uri.getPath().isEmpty() ? "/" : uri.getPath(), answer::complete);
        UserResponse response = answer.join();
        String body = "{\"version\":\"" + response.version() + "\",\"status\":" + response.status() + "}";
        return new Answer(response.status(), body, response.latency());
    }
}
