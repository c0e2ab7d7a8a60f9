package dev.greenlight.cli.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.cli.CommandRun;
import dev.greenlight.cli.TwinOnPort;
import dev.greenlight.cli.aws.Aws;
import dev.greenlight.cli.console.Console;
import dev.greenlight.workers.config.ServiceConfig.ApprovalMode;
import dev.greenlight.workers.config.ServiceConfig.Backend;
import dev.greenlight.workers.core.Worker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code greenlight status} and the console over HTTP on a service ECS blue/green deploys: the same
 * read model as for CodeDeploy, the deployment and the production route asked of the service's backend.
 */
class StatusOnTheEcsBackendTest {

    @TempDir
    Path home;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private TwinOnPort twin;
    private Aws aws;
    private Console console;

    @BeforeEach
    void start() {
        twin = new TwinOnPort(ApprovalMode.auto, home, Backend.ecs);
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
    void aCanaryOnEcs_isShownWithItsServiceDeploymentAndTheProductionRulesSplit_untilReleased() throws Exception {
        assertThat(CommandRun.of("push", "orders", "2.0").exitCode()).isZero();
        // Until the canary: part of production on green.
        twin.advanceUntil(() -> CommandRun.of("status").out().contains(" 10% orders-green"));
        String name = twin.executions().get(0).name();

        CommandRun canary = CommandRun.of("status", name);
        assertThat(canary.exitCode()).as(canary.err()).isZero();
        assertThat(canary.out()).contains(name + ": RUNNING, in ")
                .containsPattern("deployment: arn:aws:ecs:[^ ]+:service-deployment/greenlight/orders/[^ ]+ "
                        + "\\(IN_PROGRESS \\([A-Z_]+\\)\\)")
                .containsPattern("traffic: +orders-blue 90% \\[[#-]{20}\\] 10% orders-green")
                .contains("orders-blue-5xx (blue) OK", "orders-green-5xx (green) OK");

        JsonNode view = Worker.JSON.readTree(get("api/executions/" + name).body());
        assertThat(view.path("deploymentId").asText()).contains(":service-deployment/greenlight/orders/");
        assertThat(view.path("deploymentStatus").asText()).startsWith("IN_PROGRESS (");
        assertThat(view.path("traffic").findValuesAsText("targetGroup")).containsExactly("orders-blue", "orders-green");
        assertThat(view.path("traffic").findValuesAsText("percent")).containsExactly("90", "10");
        assertThat(view.path("traffic").findValuesAsText("role")).containsExactly("blue", "green");

        twin.runToEnd();
        CommandRun done = CommandRun.of("status", name);
        assertThat(done.exitCode()).as(done.out()).isZero();
        assertThat(done.out()).contains(": SUCCEEDED, in Deployed", "(SUCCESSFUL)")
                .containsPattern("traffic: +orders-blue 0% \\[[#-]{20}\\] 100% orders-green");
        assertThat(Worker.JSON.readTree(get("api/executions/" + name).body()).path("deploymentStatus").asText())
                .isEqualTo("SUCCESSFUL");
    }

    /** ECS deletes a service's deployments with the service; the execution's history outlives them. */
    @Test
    void aReleaseWhoseServiceDeploymentEcsNoLongerKnows_isShownWithWhyItIsGone() {
        assertThat(CommandRun.of("push", "orders", "2.0").exitCode()).isZero();
        twin.runToEnd();
        String name = twin.executions().get(0).name();
        twin.twin.ecs().deleteService(r -> r.cluster("greenlight").service("orders").force(true));

        CommandRun gone = CommandRun.of("status", name);

        assertThat(gone.exitCode()).as(gone.err()).isZero();
        assertThat(gone.err()).doesNotContain("Exception");
        assertThat(gone.out()).contains(": SUCCEEDED, in Deployed").containsPattern("deployment: arn:aws:ecs:[^ ]+ "
                + "\\(gone: ECS does not know it; it keeps a service's deployments for 90 days and deletes them "
                + "with the service\\)");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(console.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
