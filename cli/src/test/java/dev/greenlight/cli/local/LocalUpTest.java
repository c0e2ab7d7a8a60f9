package dev.greenlight.cli.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.cli.CommandRun;
import dev.greenlight.cli.aws.TwinAddress;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalUpTest {

    @TempDir
    Path home;

    @BeforeEach
    void discoveryFileInATemporaryHome() {
        System.setProperty("greenlight.home", home.toString());
    }

    @AfterEach
    void restoreHome() {
        System.clearProperty("greenlight.home");
    }

    private static final Pattern ENDPOINT = Pattern.compile("AWS endpoint:  http://127\\.0\\.0\\.1:(\\d+)");

    @Test
    void up_servesTheProvisionedServiceAndThePipelineOverTheWire_andStopsCleanlyWhenInterrupted() throws Exception {
        StringWriter out = new StringWriter();
        Thread[] runner = new Thread[1];
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        runner[0] = new Thread(() -> exit.complete(dev.greenlight.cli.Greenlight.commandLine()
                .setOut(new PrintWriter(out, true)).execute("local", "up", "--port", "0")));
        runner[0].start();
        int port = awaitPort(out);

        String clusters = ecs(port, "DescribeClusters", "{\"clusters\": [\"greenlight\"]}");
        assertThat(clusters).contains("arn:aws:ecs:us-east-1:123456789012:cluster/greenlight");
        assertThat(out.toString()).contains("Demo service:  orders").contains("production:  http://127.0.0.1:")
                .contains("Pipeline:      arn:aws:states:us-east-1:123456789012:stateMachine:greenlight-pipeline");
        TwinAddress address = TwinAddress.find().orElseThrow();
        assertThat(address.endpointUrl()).isEqualTo("http://127.0.0.1:" + port);
        assertThat(address.config().service("orders").canary()).isEqualTo(TwinPipeline.CANARY);
        assertThat(TwinPipeline.CANARY.syntheticLoad()).as("evidence with or without users").isNotNull();
        assertThat(out.toString()).contains("users:       10 requests/s on the production listener")
                .containsPattern("Web console:   http://127\\.0\\.0\\.1:\\d+/");
        assertThat(address.config().service("orders").bakeMinutes()).isEqualTo(1);
        CommandRun status = CommandRun.of("status");
        assertThat(status.exitCode()).as("found through the discovery file").isEqualTo(1);
        assertThat(status.err()).contains("The pipeline has no executions yet in the twin at " + address.endpointUrl())
                .contains("greenlight push SERVICE TAG");

        runner[0].interrupt();
        assertThat(exit.get()).isZero();
        assertThat(out.toString()).endsWith("The twin has stopped." + System.lineSeparator());
        assertThatThrownBy(() -> ecs(port, "DescribeClusters", "{}")).isInstanceOf(ConnectException.class);
        assertThat(TwinAddress.file()).as("removed on stop").doesNotExist();
    }

    @Test
    void portInUse_isAClearErrorWithANextStep() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CommandRun run = CommandRun.of("local", "up", "--empty", "--port", Integer.toString(taken.getLocalPort()));

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("Cannot start the gateway on 127.0.0.1:" + taken.getLocalPort())
                    .contains("--port N");
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"99999", "-1", "65536"})
    void portOutsideTheRange_isBadUsageWithAMessage(String port) {
        CommandRun run = CommandRun.of("local", "up", "--empty", "--port", port);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Invalid value for option '--port': " + port + " is not a port: use 1 to "
                + "65535, or 0 for a free one.").doesNotContain("This is a bug");
    }

    private static int awaitPort(StringWriter out) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            Matcher matcher = ENDPOINT.matcher(out.toString());
            if (matcher.find() && out.toString().contains("Press Ctrl-C")) {
                return Integer.parseInt(matcher.group(1));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("local up did not print its endpoints: " + out);
    }

    /** An ECS call as the SDK sends it (awsJson1_1); the gateway does not check signatures. */
    private static String ecs(int port, String operation, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "AmazonEC2ContainerServiceV20141113." + operation)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
