package dev.greenlight.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.cli.CommandRun;
import dev.greenlight.cli.Greenlight;
import dev.greenlight.cli.TwinOnPort;
import dev.greenlight.cli.aws.Aws;
import dev.greenlight.workers.config.ServiceConfig.ApprovalMode;
import dev.greenlight.workers.core.Worker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's JSON and its guards, over HTTP, against a twin in virtual time. */
class ConsoleOverHttpTest {

    @TempDir
    Path home;

    private static final Pattern URL = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private TwinOnPort twin;
    private Aws aws;
    private Console console;

    @BeforeEach
    void start() {
        twin = new TwinOnPort(ApprovalMode.manual, home);
        aws = Aws.connect(twin.endpointUrl(), null, twin.pipeline.stateMachineArn());
        console = Console.start(aws, twin.pipeline.config(), 0);
    }

    @AfterEach
    void stop() {
        console.close();
        aws.close();
        twin.close();
    }

    @Test
    void theGraph_isTheDefinitionsStatesAndTransitions_rankedFromTheStart() throws Exception {
        JsonNode graph = json(get("api/graph"));

        assertThat(graph.path("startAt").asText()).isEqualTo("CheckInput");
        assertThat(graph.path("nodes").findValuesAsText("name")).contains("VerifyImage", "WatchCanary", "Promote",
                "Rollback", "RequestApproval");
        assertThat(graph.path("edges")).anySatisfy(edge -> {
            assertThat(edge.path("from").asText()).isEqualTo("AwaitApproval");
            assertThat(edge.path("to").asText()).isEqualTo("RequestApproval");
            assertThat(edge.path("kind").asText()).isEqualTo("branch");
        });
        assertThat(graph.path("nodes")).filteredOn(node -> node.path("name").asText().equals("CheckInput"))
                .singleElement().satisfies(node -> assertThat(node.path("rank").asInt()).isZero());
    }

    @Test
    void aRelease_isListedAndShown_andAnApprovalIsRefusedWithoutThePagesToken() throws Exception {
        assertThat(CommandRun.of("push", "orders", "2.0").exitCode()).isZero();
        twin.advanceUntil(() -> !twin.executions().isEmpty());
        String name = twin.executions().get(0).name();

        JsonNode overview = json(get("api/overview?service=orders&outcome=RUNNING"));
        assertThat(overview.path("services").findValuesAsText("")).isEmpty();
        assertThat(overview.path("services").get(0).asText()).isEqualTo("orders");
        assertThat(overview.path("executions").findValuesAsText("name")).containsExactly(name);
        assertThat(json(get("api/overview?outcome=SUCCEEDED")).path("executions")).isEmpty();
        JsonNode view = json(get("api/executions/" + name));
        assertThat(view.path("status").asText()).isEqualTo("RUNNING");
        assertThat(view.path("input").path("trigger").path("source").asText()).isEqualTo("ecr-push");
        assertThat(view.path("path").get(0).asText()).isEqualTo("CheckInput");
        assertThat(view.path("report").asText()).contains("Deployment " + name + ": RUNNING");

        HttpResponse<String> forged = post("api/executions/" + name + "/approve", null);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(json(forged).path("message").asText()).startsWith("Refused: this request does not carry the "
                + "console's token");
        HttpResponse<String> early = post("api/executions/" + name + "/approve", token());
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(json(early).path("message").asText()).contains("is not waiting for an approval now");

        HttpResponse<String> unknown = get("api/executions/orders-9_9-000000000000");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).path("message").asText()).startsWith("There is no such execution in the twin");
        HttpResponse<String> markdown = get("api/executions/" + name + "/report.md");
        assertThat(markdown.headers().firstValue("Content-Disposition")).contains("attachment; filename=\""
                + name + ".md\"");
        assertThat(markdown.body()).startsWith("# Deployment " + name);
    }

    @Test
    void aRolledBackRelease_andTheNextOneWaitingInPreflight_readAsStatusReadsThem() throws Exception {
        String bad = twin.rolledBackRelease();

        JsonNode failed = json(get("api/executions/" + bad));
        assertThat(failed.path("deploymentStatus").asText()).isEqualTo("Stopped");
        assertThat(failed.at("/failure/error").asText()).isEqualTo("Greenlight.AlarmFired");
        assertThat(failed.at("/failure/summary").asText()).startsWith("An alarm fired while").doesNotContain("[{");
        assertThat(failed.at("/failure/fired/0").asText()).startsWith("alarm orders-green-5xx (green) in ALARM since ");

        assertThat(CommandRun.of("push", "orders", "3.1").exitCode()).isZero();
        twin.advanceUntil(() -> CommandRun.of("status").out().contains("waiting:    Preflight"));
        JsonNode waiting = json(get("api/executions/" + twin.executions().get(0).name()));
        assertThat(waiting.at("/wait/state").asText()).isEqualTo("Preflight");
        assertThat(waiting.at("/wait/error").asText()).isEqualTo("StaleAlarmStillFiring");
        assertThat(waiting.at("/wait/reason").asText()).startsWith("alarm orders-green-5xx (target group "
                + "orders-green, in ALARM since ");
        assertThat(waiting.at("/wait/intervalSeconds").asInt()).isEqualTo(30);
        assertThat(waiting.at("/wait/maxAttempts").asInt()).isEqualTo(20);
        assertThat(waiting.at("/wait/givesUpAt").asText()).isNotBlank();
        assertThat(waiting.path("deploymentStatus").isNull()).as("not started yet").isTrue();
    }

    @Test
    void anotherHostName_isRefused_soARebindingSiteCannotReadThePage() throws Exception {
        HttpResponse<String> page = get("");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'self'"));

        // java.net.http will not send another Host than the URL's: a socket says what a rebinding site's page would.
        int port = URI.create(console.url()).getPort();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: attacker.example:" + port
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 403").contains("This console answers only at")
                    .doesNotContain(token());
        }
    }

    @Test
    void theConsoleCommand_servesThePageUntilInterrupted_andRefusesABadPort() throws Exception {
        StringWriter out = new StringWriter();
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread runner = new Thread(() -> exit.complete(Greenlight.commandLine().setOut(new PrintWriter(out, true))
                .execute("console", "--port", "0")));
        runner.start();
        Matcher address = URL.matcher("");
        for (int looks = 0; looks < 500 && !address.reset(out.toString()).find(); looks++) {
            Thread.sleep(20); // the command starts on another thread: wait for its first line
        }
        assertThat(out.toString()).contains("(against the twin at " + twin.endpointUrl() + "; Ctrl-C to stop)");

        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(address.group())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Greenlight console</title>", "/console.js");

        runner.interrupt();
        assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
        CommandRun badPort = CommandRun.of("console", "--port", "70000");
        assertThat(badPort.exitCode()).isEqualTo(2);
        assertThat(badPort.err()).contains("--port");
    }

    private String token() throws Exception {
        Matcher meta = Pattern.compile("name=\"greenlight-token\" content=\"([^\"]+)\"").matcher(get("").body());
        assertThat(meta.find()).isTrue();
        return meta.group(1);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(console.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(console.url() + path))
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"looks good\"}"));
        if (token != null) {
            request.header(CsrfToken.HEADER, token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return Worker.JSON.readTree(response.body());
    }
}
