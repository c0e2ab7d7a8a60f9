package dev.greenlight.local.twin.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.local.clock.VirtualClock;
import dev.greenlight.local.gateway.WireGateway;
import dev.greenlight.local.http.RawHttp;
import dev.greenlight.local.twin.LocalTwin;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Ready means ready: the first call made the moment the gateway's port opens is served by its twin. */
class GatewayReadinessTest {

    @Test
    void theFirstCallMadeAsThePortOpensIsServed() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        try (LocalTwin twin = LocalTwin.virtualTime(new VirtualClock())) {
            CompletableFuture<WireGateway> started = CompletableFuture.supplyAsync(() -> twin.serve(port));
            try {
                RawHttp.Answer first = firstCall(port);

                assertThat(first.status()).as(first.body()).isEqualTo(200);
                assertThat(first.body()).contains("<ListTopicsResponse");
            } finally {
                started.join().close();
            }
        }
    }

    /** Connects as soon as the port accepts, and sends SNS ListTopics on that very connection. */
    private static RawHttp.Answer firstCall(int port) throws IOException, InterruptedException {
        byte[] body = "Action=ListTopics&Version=2010-03-31".getBytes(StandardCharsets.UTF_8);
        String head = "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Authorization: AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/sns/aws4_request, "
                + "SignedHeaders=host, Signature=0\r\nContent-Length: " + body.length + "\r\n\r\n";
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(head.getBytes(StandardCharsets.UTF_8));
                socket.getOutputStream().write(body);
                return RawHttp.readAnswer(socket.getInputStream());
            } catch (java.net.ConnectException notYet) {
                Thread.onSpinWait(); // polling a port that is about to open, outside any logic under test
            }
        }
        throw new AssertionError("the gateway did not open port " + port + " within 30 s");
    }
}
