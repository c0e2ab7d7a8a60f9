package dev.greenlight.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.http.RawHttp;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sns.SnsClient;

class HealthTest {

    @Test
    void healthListsEveryServiceAsReady() throws Exception {
        try (WireGateway gateway = WireGateway.builder().register(SnsClient.class, new TinySns())
                .register(LambdaClient.class, new TinyLambda()).start(0)) {
            RawHttp.Answer answer = RawHttp.send(gateway.port(), "GET /_greenlight/health HTTP/1.1\r\nHost: x",
                    new byte[0], Duration.ofSeconds(10));

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.headers().get("content-type")).isEqualTo("application/json");
            JsonNode health = JsonBodies.JSON.readTree(answer.body());
            assertThat(health.get("status").asText()).isEqualTo("ready");
            assertThat(health.get("services").fieldNames()).toIterable().containsExactly("lambda", "sns");
            assertThat(health.at("/services/sns/status").asText()).isEqualTo("ready");
            assertThat(health.at("/services/sns/operations").asInt()).isPositive();
        }
    }
}
