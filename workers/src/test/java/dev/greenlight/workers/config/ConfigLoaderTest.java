package dev.greenlight.workers.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.workers.config.ServiceConfig.ApprovalMode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

    static final String MINIMAL = """
            {"services": {"orders": {
              "repository": "orders", "cluster": "greenlight", "service": "orders",
              "container": "app", "containerPort": 8080,
              "codeDeploy": {"application": "orders", "deploymentGroup": "orders-dg"},
              "alarms": ["orders-blue-5xx", "orders-green-5xx"],
              "smoke": {"testUrl": "http://127.0.0.1:8080", "checks": [{"path": "/health"}]}}}}
            """;

    @Test
    void minimalService_takesSafeDefaults() {
        ServiceConfig orders = ConfigLoader.parse(MINIMAL).service("orders");

        assertThat(orders.canary()).isEqualTo(new ServiceConfig.Canary(10, 5));
        assertThat(orders.approval()).isEqualTo(new ServiceConfig.Approval(ApprovalMode.auto, 60));
        assertThat(orders.scan()).isEqualTo(new ServiceConfig.ScanThresholds(0, null, null));
        assertThat(orders.bakeMinutes()).isEqualTo(10);
        assertThat(orders.smoke().checks()).containsExactly(
                new ServiceConfig.SmokeCheck("/health", "GET", 200, null, null));
        assertThat(orders.smoke().deadlineSeconds()).isEqualTo(120);
        assertThat(orders.alarms()).containsExactly("orders-blue-5xx", "orders-green-5xx");
    }

    @Test
    void loadedConfig_survivesTheJsonRoundTripItMakesThroughExecutionInputsAndEnvironment() throws Exception {
        GreenlightConfig config = ConfigLoader.parse(MINIMAL);

        GreenlightConfig again = ConfigLoader.parse(dev.greenlight.workers.core.Worker.JSON.writeValueAsString(config));

        assertThat(again).isEqualTo(config);
    }

    @Test
    void unknownService_namesTheServicesThereAre() {
        assertThatThrownBy(() -> ConfigLoader.parse(MINIMAL).service("payments"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("unknown service 'payments': the configuration has orders");
    }

    static Stream<Arguments> brokenFiles() {
        return Stream.of(
                Arguments.of("not JSON", "{\"services\": ", List.of(
                        "the configuration is not valid JSON: Unexpected end-of-input within/between Object entries "
                                + "(line 1, column 14)")),
                Arguments.of("no services", "{}", List.of("the configuration needs a \"services\" object with at "
                        + "least one service, e.g. {\"services\": {\"orders\": {...}}}")),
                Arguments.of("a typo and a bad percent", MINIMAL.replace("\"alarms\"", "\"canary\": {\"percent\": 150}, "
                        + "\"alarmz\""), List.of(
                        "services.orders.alarmz: unknown field (known: alarms, approval, backend, bakeMinutes, canary, "
                                + "cluster, codeDeploy, container, containerPort, notifications, repository, "
                                + "requiredLabels, scan, service, smoke)",
                        "services.orders.canary.percent: must be a whole number from 1 to 99, got 150")),
                Arguments.of("missing fields", "{\"services\": {\"orders\": {\"repository\": \"orders\"}}}", List.of(
                        "services.orders.cluster: is required", "services.orders.service: is required",
                        "services.orders.container: is required", "services.orders.containerPort: is required",
                        "services.orders.codeDeploy: is required", "services.orders.smoke: is required")),
                Arguments.of("an unknown backend", MINIMAL.replace("\"alarms\"", "\"backend\": \"argo\", \"alarms\""),
                        List.of("services.orders.backend: must be \"codedeploy\" (a CodeDeploy deployment group deploys "
                                + "the service) or \"ecs\" (Amazon ECS blue/green deploys it), got \"argo\"")),
                Arguments.of("a smoke deadline past what a Lambda function may run",
                        MINIMAL.replace("\"checks\"", "\"deadlineSeconds\": 3000, \"checks\""), List.of(
                        "services.orders.smoke.deadlineSeconds: must be a whole number from 5 to 840, got 3000")),
                Arguments.of("bad smoke and approval", MINIMAL.replace("\"checks\": [{\"path\": \"/health\"}]",
                        "\"checks\": [{\"path\": \"health\", \"method\": \"FETCH\"}]")
                        .replace("\"alarms\"", "\"approval\": {\"mode\": \"maybe\"}, \"alarms\""), List.of(
                        "services.orders.approval.mode: must be \"auto\" or \"manual\", got \"maybe\"",
                        "services.orders.smoke.checks[0].path: must start with /, got \"health\"",
                        "services.orders.smoke.checks[0].method: must be an HTTP method such as GET, got \"FETCH\"")),
                Arguments.of("an evidence window shorter than the canary, a bad confidence and path",
                        MINIMAL.replace("\"alarms\"", "\"canary\": {\"minutes\": 5, \"maxMinutes\": 3, \"analysis\": "
                                + "{\"confidence\": 1.5}, \"syntheticLoad\": {\"paths\": [\"health\"]}}, \"alarms\""),
                        List.of("services.orders.canary.maxMinutes: must be at least minutes (5), got 3",
                                "services.orders.canary.analysis.confidence: must be a number from 0.5 to 0.9999, "
                                        + "got 1.5",
                                "services.orders.canary.syntheticLoad.paths: each path must start with /, got "
                                        + "\"health\"")));
    }

    @Test
    void canary_readsItsEvidenceRulesAndSyntheticLoad_andSurvivesTheRoundTrip() throws Exception {
        String text = MINIMAL.replace("\"alarms\"", "\"canary\": {\"percent\": 20, \"minutes\": 3, \"maxMinutes\": 9, "
                + "\"minRequests\": 50, \"analysis\": {\"confidence\": 0.95, \"maxErrorRate\": 0.02, "
                + "\"maxLatencyRatio\": 2}, \"syntheticLoad\": {\"requestsPerSecond\": 2.5}}, \"alarms\"");

        GreenlightConfig config = ConfigLoader.parse(text);

        assertThat(config.service("orders").canary()).isEqualTo(new ServiceConfig.Canary(20, 3, 9, 50,
                new ServiceConfig.Analysis(0.95, 0.02, 2), new ServiceConfig.SyntheticLoad(2.5, List.of("/"), 200)));
        assertThat(ConfigLoader.parse(dev.greenlight.workers.core.Worker.JSON.writeValueAsString(config)))
                .isEqualTo(config);
    }

    @Test
    void backend_isCodeDeployByDefault_andEcsNeedsNoCodeDeployTarget() {
        assertThat(ConfigLoader.parse(MINIMAL).service("orders").backend()).isEqualTo(ServiceConfig.Backend.codedeploy);
        String ecs = MINIMAL.replace("\"codeDeploy\": {\"application\": \"orders\", \"deploymentGroup\": \"orders-dg\"},", "")
                .replace("\"alarms\"", "\"backend\": \"ecs\", \"alarms\"");

        ServiceConfig service = ConfigLoader.parse(ecs).service("orders");

        assertThat(ecs).doesNotContain("codeDeploy");
        assertThat(service.backend()).isEqualTo(ServiceConfig.Backend.ecs);
        assertThat(service.codeDeploy()).isNull();
    }

    @Test
    void absentEvidenceRules_areSafeForAServiceWithNoTraffic() {
        ServiceConfig.Canary canary = ConfigLoader.parse(MINIMAL).service("orders").canary();

        assertThat(canary.minRequests()).isPositive();
        assertThat(canary.maxMinutes()).isEqualTo(15);
        assertThat(canary.syntheticLoad()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void brokenFile_reportsEveryProblemWithItsServiceAndField(String name, String text, List<String> problems) {
        assertThatThrownBy(() -> ConfigLoader.parse(text))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).isEqualTo(problems));
    }
}
