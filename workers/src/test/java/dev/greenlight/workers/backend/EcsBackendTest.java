package dev.greenlight.workers.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.workers.config.ServiceConfig.Backend;
import dev.greenlight.workers.testing.Configs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHookStage;
import software.amazon.awssdk.services.ecs.model.DeploymentStrategy;
import software.amazon.awssdk.services.ecs.model.DescribeServiceDeploymentsRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServiceDeploymentsResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;

class EcsBackendTest {

    /** ECS's status and lifecycle stage, in the pipeline's words. */
    @ParameterizedTest(name = "{0} at {1} -> {2}")
    @CsvSource({
            "PENDING, , DEPLOYING",
            "IN_PROGRESS, SCALE_UP, DEPLOYING",
            "IN_PROGRESS, POST_TEST_TRAFFIC_SHIFT, DEPLOYING",
            "IN_PROGRESS, PRODUCTION_TRAFFIC_SHIFT, DEPLOYING",
            "IN_PROGRESS, POST_PRODUCTION_TRAFFIC_SHIFT, READY_TO_PROMOTE",
            "IN_PROGRESS, BAKE_TIME, READY_TO_PROMOTE",
            "SUCCESSFUL, CLEAN_UP, SUCCEEDED",
            "ROLLBACK_REQUESTED, PRODUCTION_TRAFFIC_SHIFT, ENDED_UNSUCCESSFULLY",
            "ROLLBACK_IN_PROGRESS, , ENDED_UNSUCCESSFULLY",
            "ROLLBACK_SUCCESSFUL, , ENDED_UNSUCCESSFULLY",
            "ROLLBACK_FAILED, , ENDED_UNSUCCESSFULLY",
            "STOPPED, , ENDED_UNSUCCESSFULLY"})
    void phase(String status, String stage, Phase phase) {
        ServiceDeployment deployment = ServiceDeployment.builder().status(status).lifecycleStage(stage).build();

        assertThat(EcsBackend.phase(deployment)).isEqualTo(phase);
    }

    @Test
    void aRelease_isACanaryHeldForMaxMinutes_withTheSmokeTestAndThePromotionGateAsHooks_andTheServicesAlarms() {
        var config = Configs.orders().withBackend(Backend.ecs);
        var release = new EcsBackend(software.amazon.awssdk.services.ecs.EcsClient.builder()
                .region(software.amazon.awssdk.regions.Region.US_EAST_1).build(),
                "arn:aws:lambda:us-east-1:000000000000:function:greenlight-ecs-hook", "arn:aws:iam::0:role/hook")
                .release(config);

        assertThat(release.strategy()).isEqualTo(DeploymentStrategy.CANARY);
        assertThat(release.canaryConfiguration().canaryPercent()).isEqualTo(config.canary().percent());
        assertThat(release.canaryConfiguration().canaryBakeTimeInMinutes()).isEqualTo(config.canary().maxMinutes());
        assertThat(release.bakeTimeInMinutes()).isZero();
        assertThat(release.lifecycleHooks()).extracting(hook -> hook.lifecycleStages().get(0))
                .containsExactly(DeploymentLifecycleHookStage.POST_TEST_TRAFFIC_SHIFT,
                        DeploymentLifecycleHookStage.POST_PRODUCTION_TRAFFIC_SHIFT);
        assertThat(release.lifecycleHooks()).extracting(hook -> hook.hookDetails().asMap().get("greenlight").asString())
                .containsExactly(EcsBackend.SMOKE, EcsBackend.PROMOTION);
        assertThat(release.alarms().alarmNames()).isEqualTo(config.alarms());
        assertThat(release.alarms().rollback()).isTrue();
        assertThat(release.deploymentCircuitBreaker().enable()).as("green that never starts rolls back").isTrue();
        assertThat(release.deploymentCircuitBreaker().rollback()).isTrue();
    }

    /** DescribeServiceDeployments reports an ARN it does not know as a MISSING failure, not an error. */
    @Test
    void aDeploymentEcsNoLongerKnows_isDeploymentNotFound_sayingWhy() {
        EcsClient ecs = new EcsClient() {
            @Override
            public DescribeServiceDeploymentsResponse describeServiceDeployments(
                    DescribeServiceDeploymentsRequest request) {
                return DescribeServiceDeploymentsResponse.builder().failures(Failure.builder()
                        .arn(request.serviceDeploymentArns().get(0)).reason("MISSING").build()).build();
            }

            @Override
            public String serviceName() {
                return "ecs";
            }

            @Override
            public void close() {
            }
        };
        String arn = "arn:aws:ecs:us-east-1:123456789012:service-deployment/greenlight/orders/gone";

        assertThatThrownBy(() -> new EcsBackend(ecs, null, null).look(arn))
                .isInstanceOfSatisfying(DeploymentNotFound.class, gone -> assertThat(gone.why())
                        .contains("90 days", "deletes them with the service"))
                .hasMessageContaining(arn);
    }

    @Test
    void deploymentIds_tellTheBackend() {
        assertThat(EcsBackend.isServiceDeployment(
                "arn:aws:ecs:us-east-1:123456789012:service-deployment/MyCluster/MyService/r9i43YFjvgF_xlg7m2eJ1r"))
                .isTrue();
        assertThat(EcsBackend.isServiceDeployment("d-A1B2C3D4E")).isFalse();
    }
}
