package dev.greenlight.workers.smoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.clock.VirtualClock;
import dev.greenlight.local.twin.DemoService;
import dev.greenlight.local.twin.LocalTwin;
import dev.greenlight.workers.config.ConfigException;
import dev.greenlight.workers.deploy.AppSpecs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;
import software.amazon.awssdk.services.codedeploy.model.GetDeploymentRequest;
import software.amazon.awssdk.services.codedeploy.model.GetDeploymentResponse;
import software.amazon.awssdk.services.codedeploy.model.LifecycleEvent;
import software.amazon.awssdk.services.codedeploy.model.LifecycleEventStatus;
import software.amazon.awssdk.services.codedeploy.model.PutLifecycleEventHookExecutionStatusRequest;
import software.amazon.awssdk.services.codedeploy.model.PutLifecycleEventHookExecutionStatusResponse;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AccessDeniedException;
import software.amazon.awssdk.services.ecs.model.TagResourceRequest;
import software.amazon.awssdk.services.ecs.model.TagResourceResponse;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;

/**
 * The hook against a real HTTP server on loopback and the CodeDeploy twin holding a deployment at
 * BeforeAllowTraffic; the hook's own clock moves only when it sleeps.
 */
class SmokeTestHookTest {

    private final VirtualClock twinClock = new VirtualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final LocalTwin twin = LocalTwin.virtualTime(twinClock);
    private final DemoService orders = DemoService.provision(twin, DemoService.Settings.defaults("orders"));
    private final FakeTime time = new FakeTime(Instant.parse("2026-01-01T00:00:00Z"));
    private final GreenApp green = new GreenApp(2);
    private final List<JsonNode> hookEvents = new ArrayList<>();
    private HookEvent event;

    @BeforeEach
    void deploymentWaitsForTheHook() {
        twin.lambda().register("greenlight-smoke", payload -> {
            hookEvents.add(payload);
            return null;
        });
        String image = DemoService.push(twin, "orders", "2.0", "healthy");
        orders.deploy(twin, DemoService.registerTaskDefinition(twin, "orders", image),
                "BeforeAllowTraffic", "greenlight-smoke");
        assertThat(twinClock.runUntil(() -> !hookEvents.isEmpty())).as("CodeDeploy invoked the hook").isTrue();
        event = new HookEvent(hookEvents.get(0).get("DeploymentId").asText(),
                hookEvents.get(0).get("LifecycleEventHookExecutionId").asText());
    }

    @AfterEach
    void close() {
        green.close();
        twin.close();
    }

    @Test
    void healthyGreen_passesEveryCheckAtOnce_andCodeDeployMovesOnToProductionTraffic() {
        SmokeReport report = hook(config(green.url(), 30, 5, """
                {"path": "/health", "bodyContains": "ok", "maxLatencyMs": 2000}, {"path": "/warming", "expectStatus": 503}""")
        ).apply(event);

        assertThat(report.status()).isEqualTo(SmokeReport.Status.SUCCEEDED);
        assertThat(report.results()).extracting(CheckResult::check, CheckResult::passed, CheckResult::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("GET /health", true, 200),
                        org.assertj.core.groups.Tuple.tuple("GET /warming", true, 503));
        assertThat(report.results()).allSatisfy(result -> assertThat(result.reason()).isNull());
        assertThat(time.sleeps()).isEmpty();
        twinClock.advance(Duration.ofSeconds(1));
        assertThat(lifecycleStatus("BeforeAllowTraffic")).isEqualTo(LifecycleEventStatus.SUCCEEDED);
        assertThat(lifecycleStatus("AllowTraffic")).isEqualTo(LifecycleEventStatus.IN_PROGRESS);
    }

    @Test
    void warmingUpGreen_onlyTheFailingCheckIsRetried_untilItPasses() {
        SmokeReport report = hook(config(green.url(), 60, 5, """
                {"path": "/health"}, {"path": "/warming", "bodyContains": "ok"}""")).apply(event);

        assertThat(report.status()).isEqualTo(SmokeReport.Status.SUCCEEDED);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
        assertThat(green.requests("/warming")).isEqualTo(3);
        assertThat(green.requests("/health")).as("a passed check is not asked again").isEqualTo(1);
        assertThat(lifecycleStatus("BeforeAllowTraffic")).isEqualTo(LifecycleEventStatus.SUCCEEDED);
    }

    @Test
    void brokenGreen_isRetriedUntilTheDeadline_thenReportedFailed_andCodeDeployRollsBack() {
        SmokeReport report = hook(config(green.url(), 10, 3, """
                {"path": "/health"}, {"path": "/broken"}""")).apply(event);

        assertThat(report.status()).isEqualTo(SmokeReport.Status.FAILED);
        assertThat(report.results()).containsExactly(
                new CheckResult("GET /health", true, 200, report.results().get(0).latencyMs(), null, 1),
                new CheckResult("GET /broken", false, 500, report.results().get(1).latencyMs(),
                        "expected status 200, got 500", 5));
        assertThat(time.sleeps()).as("the last attempt is at the deadline")
                .containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(1));
        assertThat(green.requests("/broken")).isEqualTo(5);
        assertFailedByTheHook();
    }

    static Stream<Arguments> failingGreens() {
        return Stream.of(
                Arguments.of("slow", "{\"path\": \"/slow\", \"maxLatencyMs\": 100}", "no answer within 100 ms"),
                Arguments.of("wrong body", "{\"path\": \"/degraded\", \"bodyContains\": \"ok\"}",
                        "the body does not contain \"ok\""),
                Arguments.of("unknown path", "{\"path\": \"/missing\"}", "expected status 200, got 404"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failingGreens")
    void greenThatMissesACheck_isReportedFailedWithTheReason(String name, String check, String reason) {
        SmokeReport report = hook(config(green.url(), 5, 5, check)).apply(event);

        assertThat(report.status()).isEqualTo(SmokeReport.Status.FAILED);
        assertThat(report.results()).singleElement().satisfies(result -> assertThat(result.reason()).isEqualTo(reason));
        assertFailedByTheHook();
    }

    @Test
    void nothingListening_isAFailedCheckNamingTheUrl_notACrash() {
        String closed = green.url();
        green.close();

        SmokeReport report = hook(config(closed, 5, 5, "{\"path\": \"/health\"}")).apply(event);

        assertThat(report.status()).isEqualTo(SmokeReport.Status.FAILED);
        assertThat(report.results().get(0).status()).isNull();
        assertThat(report.results().get(0).reason()).startsWith("no answer from " + closed + "/health: ");
        assertFailedByTheHook();
    }

    static Stream<Arguments> crashesHalfWay() {
        String elsewhere = config("http://127.0.0.1:9", 5, 5, "{\"path\": \"/health\"}")
                .replace("\"orders-dg\"", "\"orders-dg-old\"");
        Function<CodeDeployClient, CodeDeployClient> asIs = client -> client;
        return Stream.of(
                Arguments.of("unknown service", elsewhere, asIs, ConfigException.class,
                        "no service in GREENLIGHT_CONFIG deploys with CodeDeploy application 'orders' and deployment "
                                + "group 'orders-dg' (configured: orders -> orders/orders-dg-old): set that service's "
                                + "codeDeploy {\"application\", \"deploymentGroup\"} to them"),
                Arguments.of("configuration not set", null, asIs, ConfigException.class,
                        "the environment variable GREENLIGHT_CONFIG is not set"),
                Arguments.of("configuration with a problem", config("ftp://x", 5, 5, "{\"path\": \"/health\"}"), asIs,
                        ConfigException.class, "services.orders.smoke.testUrl: must be the test listener's base URL"),
                Arguments.of("CodeDeploy unreachable", config("http://127.0.0.1:9", 5, 5, "{\"path\": \"/health\"}"),
                        (Function<CodeDeployClient, CodeDeployClient>) SmokeTestHookTest::getDeploymentFails,
                        SdkClientException.class, "Unable to execute HTTP request"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crashesHalfWay")
    void crashHalfWay_isReportedFailedToCodeDeploy_thenRethrown(String name, String configJson,
            Function<CodeDeployClient, CodeDeployClient> client, Class<? extends Throwable> error, String message) {
        SmokeTestHook hook = new SmokeTestHook(client.apply(twin.codeDeploy()), twin.ecs(), JdkHttpProbe.create(), time, time,
                configJson);

        assertThatThrownBy(() -> hook.apply(event)).isInstanceOf(error).hasMessageContaining(message);
        assertFailedByTheHook();
    }

    @Test
    void eventWithoutCodeDeploysIds_isRefusedWithWhatToDo_andReportsNothing() {
        SmokeTestHook hook = hook(config(green.url(), 5, 5, "{\"path\": \"/health\"}"));

        assertThatThrownBy(() -> hook.apply(new HookEvent(event.deploymentId(), null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invoked by CodeDeploy with {\"DeploymentId\": ..., "
                        + "\"LifecycleEventHookExecutionId\": ...}")
                .hasMessageContaining("name this function in the AppSpec's Hooks under BeforeAllowTraffic");
        assertThat(lifecycleStatus("BeforeAllowTraffic")).isEqualTo(LifecycleEventStatus.IN_PROGRESS);
    }

    @Test
    void passedReport_isTaggedOnGreensTaskDefinition_oneLineACheck() {
        hook(config(green.url(), 30, 5, """
                {"path": "/health"}, {"path": "/warming", "bodyContains": "ok"}""")).apply(event);

        Map<String, String> tags = greenTags();
        assertThat(tags).containsEntry("greenlight:smoke", "SUCCEEDED")
                .containsEntry("greenlight:smoke:deployment", event.deploymentId());
        assertThat(tags.get("greenlight:smoke:1")).matches("GET /health 200 \\d+ms 1 attempt passed");
        assertThat(tags.get("greenlight:smoke:2")).matches("GET /warming 200 \\d+ms 3 attempts passed");
        assertThat(tags).hasSize(4);
    }

    @Test
    void failedReport_isTaggedWithEachChecksReason_inTheCharactersEcsAllows() {
        hook(config(green.url(), 10, 3, """
                {"path": "/health"}, {"path": "/broken"}""")).apply(event);

        Map<String, String> tags = greenTags();
        assertThat(tags).containsEntry("greenlight:smoke", "FAILED");
        assertThat(tags.get("greenlight:smoke:2"))
                .matches("GET /broken 500 \\d+ms 5 attempts failed: expected status 200 got 500");
    }

    @Test
    void crashHalfWay_isTaggedFailedWithWhy() {
        SmokeTestHook hook = new SmokeTestHook(twin.codeDeploy(), twin.ecs(), JdkHttpProbe.create(), time, time, null);

        assertThatThrownBy(() -> hook.apply(event)).isInstanceOf(ConfigException.class);
        assertThat(greenTags()).containsEntry("greenlight:smoke", "FAILED").hasEntrySatisfying("greenlight:smoke:1",
                line -> assertThat(line).startsWith("the smoke test stopped before its checks finished: "
                        + "ConfigException the environment variable GREENLIGHT_CONFIG is not set"));
    }

    @Test
    void taggingThatFails_isLogged_andTheVerdictToCodeDeployStands() {
        List<String> log = new ArrayList<>();
        EcsClient refusing = new EcsClient() {
            @Override
            public TagResourceResponse tagResource(TagResourceRequest request) {
                throw AccessDeniedException.builder().message("not authorized to perform ecs:TagResource").build();
            }

            @Override
            public String serviceName() {
                return SERVICE_NAME;
            }

            @Override
            public void close() {
            }
        };
        SmokeReport report = new SmokeTestHook(twin.codeDeploy(), refusing, JdkHttpProbe.create(), time, time,
                config(green.url(), 30, 5, "{\"path\": \"/health\"}"), log::add).apply(event);

        assertThat(report.status()).isEqualTo(SmokeReport.Status.SUCCEEDED);
        assertThat(lifecycleStatus("BeforeAllowTraffic")).isEqualTo(LifecycleEventStatus.SUCCEEDED);
        assertThat(log).last().asString().contains("the report is not on green's task definition")
                .contains("not authorized to perform ecs:TagResource").contains("the verdict to CodeDeploy stands");
        assertThat(greenTags()).isEmpty();
    }

    /** The tags of green's task definition, the one the deployment's AppSpec names. */
    private Map<String, String> greenTags() {
        DeploymentInfo info = twin.codeDeploy().getDeployment(r -> r.deploymentId(event.deploymentId()))
                .deploymentInfo();
        String green = AppSpecs.taskDefinitionOf(info.revision().appSpecContent().content()).orElseThrow();
        Map<String, String> tags = new LinkedHashMap<>();
        twin.ecs().describeTaskDefinition(r -> r.taskDefinition(green).include(TaskDefinitionField.TAGS)).tags()
                .forEach(tag -> tags.put(tag.key(), tag.value()));
        return tags;
    }

    static String config(String testUrl, int deadlineSeconds, int retryIntervalSeconds, String checks) {
        return """
                {"services": {"orders": {
                  "repository": "orders", "cluster": "greenlight", "service": "orders",
                  "container": "app", "containerPort": 8080,
                  "codeDeploy": {"application": "orders", "deploymentGroup": "orders-dg"},
                  "smoke": {"testUrl": "%s", "deadlineSeconds": %d, "retryIntervalSeconds": %d,
                            "checks": [%s]}}}}
                """.formatted(testUrl, deadlineSeconds, retryIntervalSeconds, checks);
    }

    private SmokeTestHook hook(String configJson) {
        return new SmokeTestHook(twin.codeDeploy(), twin.ecs(), JdkHttpProbe.create(), time, time, configJson);
    }

    private void assertFailedByTheHook() {
        twinClock.advance(Duration.ofSeconds(1));
        DeploymentInfo info = twin.codeDeploy().getDeployment(r -> r.deploymentId(event.deploymentId()))
                .deploymentInfo();
        assertThat(info.status()).isEqualTo(DeploymentStatus.FAILED);
        assertThat(info.errorInformation().codeAsString()).isEqualTo("HOOK_EXECUTION_FAILURE");
        assertThat(lifecycleStatus("BeforeAllowTraffic")).isEqualTo(LifecycleEventStatus.FAILED);
    }

    private LifecycleEventStatus lifecycleStatus(String eventName) {
        String target = twin.codeDeploy().listDeploymentTargets(r -> r.deploymentId(event.deploymentId()))
                .targetIds().get(0);
        return twin.codeDeploy().getDeploymentTarget(r -> r.deploymentId(event.deploymentId()).targetId(target))
                .deploymentTarget().ecsTarget().lifecycleEvents().stream()
                .filter(e -> e.lifecycleEventName().equals(eventName)).map(LifecycleEvent::status)
                .findFirst().orElseThrow();
    }

    /** The twin, except that GetDeployment cannot reach CodeDeploy. */
    private static CodeDeployClient getDeploymentFails(CodeDeployClient twin) {
        return new CodeDeployClient() {
            @Override
            public GetDeploymentResponse getDeployment(GetDeploymentRequest request) {
                throw SdkClientException.create("Unable to execute HTTP request: Connect timed out");
            }

            @Override
            public PutLifecycleEventHookExecutionStatusResponse putLifecycleEventHookExecutionStatus(
                    PutLifecycleEventHookExecutionStatusRequest request) {
                return twin.putLifecycleEventHookExecutionStatus(request);
            }

            @Override
            public String serviceName() {
                return SERVICE_NAME;
            }

            @Override
            public void close() {
            }
        };
    }
}
