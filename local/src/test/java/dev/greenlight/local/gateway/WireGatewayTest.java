package dev.greenlight.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class WireGatewayTest {

    @Test
    void listensOnLoopbackOnlyAndStopsCleanly() throws Exception {
        WireGateway gateway = WireGateway.builder().start(0);
        int port = gateway.port();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            assertThat(socket.isConnected()).isTrue();
        }
        assertThat(gateway.port()).isPositive();

        gateway.close();

        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void aTargetThatNamesNoOperationIsAnUnknownOperationInTheServicesShape() throws Exception {
        try (WireGateway gateway = WireGateway.builder().register(
                software.amazon.awssdk.services.sfn.SfnClient.class, new TinyStepFunctions()).start(0)) {
            var request = java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://127.0.0.1:" + gateway.port() + "/"))
                    .header("X-Amz-Target", "AWSStepFunctions.LaunchRocket")
                    .header("Content-Type", "application/x-amz-json-1.0")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build();
            var response = java.net.http.HttpClient.newHttpClient()
                    .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("UnknownOperationException");
            assertThat(JsonBodies.JSON.readTree(response.body()).get("__type").asText())
                    .isEqualTo("UnknownOperationException");
        }
    }
}
