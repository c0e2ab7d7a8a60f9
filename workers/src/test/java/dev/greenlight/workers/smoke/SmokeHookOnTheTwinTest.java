package dev.greenlight.workers.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.aws.lambda.FunctionSettings;
import dev.greenlight.local.clock.RealClock;
import dev.greenlight.local.twin.DemoService;
import dev.greenlight.local.twin.LocalTwin;
import dev.greenlight.workers.core.Worker;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;

/**
 * The real hook as CodeDeploy meets it, in real time: registered as a Lambda function of the twin,
 * named in the AppSpec's Hooks, invoked asynchronously at BeforeAllowTraffic, and testing green
 * through the test listener of a real load balancer on loopback.
 */
class SmokeHookOnTheTwinTest {

    private static final String HOOK = "greenlight-smoke";

    private final RealClock clock = new RealClock();
    private final LocalTwin twin = LocalTwin.realTime(clock);
    /** The Lambda runtime: the function runs on its own threads, never on the twin's clock. */
    private final ExecutorService runtime = Executors.newCachedThreadPool();
    private final Map<String, JsonNode> answers = new ConcurrentHashMap<>();

    @AfterEach
    void close() {
        runtime.shutdownNow();
        twin.close();
        clock.close();
    }

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void healthyImagePassesTheHookAndGoesLive_erroringImageFailsTheHookAndCodeDeployRollsBack() throws Exception {
        DemoService orders = provision("orders");
        DemoService payments = provision("payments");
        register(new SmokeTestHook(twin.codeDeploy(), twin.ecs(), JdkHttpProbe.create(), Clock.systemUTC(), Sleeper.threadSleep(),
                "{\"services\": {" + service(orders) + ", " + service(payments) + "}}"));

        String good = deploy(orders, "2.0", "healthy");
        String bad = deploy(payments, "2.0", "errors:1.0");
        DeploymentInfo passed = awaitEnd(good);
        DeploymentInfo failed = awaitEnd(bad);

        assertThat(passed.status()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(awaitAnswer(good).path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(failed.status()).isEqualTo(DeploymentStatus.FAILED);
        assertThat(failed.errorInformation().codeAsString()).isEqualTo("HOOK_EXECUTION_FAILURE");
        assertThat(failed.rollbackInfo().rollbackDeploymentId()).isNotBlank();
        JsonNode answer = awaitAnswer(bad);
        assertThat(answer.path("status").asText()).isEqualTo("FAILED");
        assertThat(answer.path("results").get(0).path("passed").asBoolean()).as("GET /health").isTrue();
        assertThat(answer.path("results").get(1).path("check").asText()).isEqualTo("GET /");
        assertThat(answer.path("results").get(1).path("reason").asText()).isEqualTo("expected status 200, got 500");
    }

    /** One task, all traffic at once and no termination wait: the shortest real blue/green there is. */
    private DemoService provision(String name) {
        return DemoService.provision(twin, new DemoService.Settings(name, 1, "CodeDeployDefault.ECSAllAtOnce", 0,
                "healthy"));
    }

    private String service(DemoService service) {
        int testPort = twin.elb().listenerPort(service.testListenerArn());
        return """
                "%s": {"repository": "%1$s", "cluster": "%s", "service": "%1$s", "container": "app",
                  "containerPort": 8080, "codeDeploy": {"application": "%1$s", "deploymentGroup": "%s"},
                  "smoke": {"testUrl": "http://127.0.0.1:%d", "deadlineSeconds": 5, "retryIntervalSeconds": 1,
                            "checks": [{"path": "/health"}, {"path": "/", "bodyContains": "\\"version\\":\\"2.0\\""}]}}
                """.formatted(service.name(), service.cluster(), service.deploymentGroup(), testPort);
    }

    /** The stream handler as the Java runtime calls it; its answer is kept by deployment. */
    private void register(Worker<?, ?> hook) {
        twin.lambda().register(HOOK, FunctionSettings.java(SmokeTestHook.class.getName() + "::handleRequest")
                .withTimeout(60), payload -> CompletableFuture.supplyAsync(() -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    try {
                        hook.handleRequest(new ByteArrayInputStream(payload), out, null);
                        String deploymentId = Worker.JSON.readTree(payload).get("DeploymentId").asText();
                        answers.put(deploymentId, Worker.JSON.readTree(out.toByteArray()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return out.toByteArray();
                }, runtime));
    }

    private String deploy(DemoService service, String tag, String profile) {
        String image = DemoService.push(twin, service.name(), tag, profile);
        return service.deploy(twin, DemoService.registerTaskDefinition(twin, service.name(), image),
                "BeforeAllowTraffic", HOOK);
    }

    /** The hook reports to CodeDeploy before it returns, so its answer may land just after the deployment ends. */
    private JsonNode awaitAnswer(String deploymentId) throws InterruptedException {
        for (int look = 0; look < 40 && !answers.containsKey(deploymentId); look++) {
            Thread.sleep(250);
        }
        return answers.get(deploymentId);
    }

    private DeploymentInfo awaitEnd(String deploymentId) throws InterruptedException {
        while (true) {
            DeploymentInfo info = twin.codeDeploy().getDeployment(r -> r.deploymentId(deploymentId)).deploymentInfo();
            if (List.of(DeploymentStatus.SUCCEEDED, DeploymentStatus.FAILED, DeploymentStatus.STOPPED)
                    .contains(info.status())) {
                return info;
            }
            Thread.sleep(250);
        }
    }
}
