package dev.greenlight.cli.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.cli.CommandRun;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user sees when no twin answers: a sentence with the next step, never a stack trace. */
class WithoutATwinTest {

    @TempDir
    Path home;

    @BeforeEach
    void noDiscoveryFile() {
        System.setProperty("greenlight.home", home.toString());
    }

    @AfterEach
    void restoreHome() {
        System.clearProperty("greenlight.home");
    }

    @Test
    void anEndpointNobodyListensOn_isExplainedWithHowToStartTheTwin() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }

        CommandRun run = CommandRun.of("history", "orders-2_0-abc", "--endpoint-url", "http://127.0.0.1:" + closed,
                "--state-machine", "arn:aws:states:us-east-1:123456789012:stateMachine:greenlight-pipeline");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("Cannot reach the twin at http://127.0.0.1:" + closed)
                .contains("Start it with greenlight local up").doesNotContain("\tat ");
    }

    @Test
    void push_withoutARunningTwin_pointsAtLocalUp() {
        CommandRun run = CommandRun.of("push", "orders", "2.0", "--region", "us-east-1");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("works only against the local twin, and none is running")
                .contains("greenlight local up");
    }
}
