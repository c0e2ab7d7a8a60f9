package dev.greenlight.workers.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.workers.config.ServiceConfig.Backend;
import dev.greenlight.workers.testing.Configs;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.ecs.EcsClient;

class BackendsTest {

    private final DeploymentBackend codeDeploy = new CodeDeployBackend(CodeDeployClient.builder()
            .region(Region.US_EAST_1).build());
    private final DeploymentBackend ecs = new EcsBackend(EcsClient.builder().region(Region.US_EAST_1).build(),
            null, null);

    @Test
    void theServicesConfigPicksTheBackendThatStarts_andTheDeploymentsIdTheOneThatWatches() {
        Backends both = new Backends(codeDeploy, ecs);

        assertThat(both.forService(Configs.orders())).isSameAs(codeDeploy);
        assertThat(both.forService(Configs.orders().withBackend(Backend.ecs))).isSameAs(ecs);
        assertThat(both.forDeployment("d-A1B2C3D4E")).isSameAs(codeDeploy);
        assertThat(both.forDeployment("arn:aws:ecs:us-east-1:123456789012:service-deployment/greenlight/orders/abc"))
                .isSameAs(ecs);
    }

    @Test
    void aWorkerBuiltForCodeDeployOnly_saysSoWhenAServiceIsOnEcs() {
        assertThatThrownBy(() -> Backends.codeDeployOnly(codeDeploy).forService(Configs.orders()
                .withBackend(Backend.ecs)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("without the \"ecs\" backend");
    }
}
