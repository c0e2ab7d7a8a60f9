package dev.greenlight.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The read and keep-alive timeouts: a connection that sends nothing for the idle timeout is closed. */
class LoopbackServerTest {

    private static final Duration IDLE = Duration.ofMillis(300);

    private final LoopbackServer server = LoopbackServer.start("test", 0, new Handler.Abstract() {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            Replies.send(response, callback, 200, Map.of(), "ok".getBytes(StandardCharsets.UTF_8));
            return true;
        }
    }, null, IDLE);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aConnectionThatSendsHalfARequestIsClosedAfterTheIdleTimeout() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(RawHttp.HALF_REQUEST);

            long start = System.nanoTime();
            byte[] rest = socket.getInputStream().readAllBytes(); // returns when the server closes

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(IDLE.minusMillis(50))
                    .isLessThan(Duration.ofSeconds(5));
            assertThat(new String(rest, StandardCharsets.US_ASCII)).doesNotContain("200 OK");
        }
    }

    @Test
    void aKeptAliveConnectionIsClosedWhenIdle() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();

            assertThat(RawHttp.readAnswer(in).body()).isEqualTo("ok");
            assertThat(in.read()).as("closed by the server once idle").isEqualTo(-1);
        }
    }
}
