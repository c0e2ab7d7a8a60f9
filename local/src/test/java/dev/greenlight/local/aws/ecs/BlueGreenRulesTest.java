package dev.greenlight.local.aws.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.DeploymentStrategy;

/** Which deployment configurations move traffic between target groups. */
class BlueGreenRulesTest {

    @Test
    void aConfigurationWithoutAStrategy_asCdkWritesForACodeDeployService_shiftsNoTraffic() {
        DeploymentConfiguration percents = DeploymentConfiguration.builder().maximumPercent(200)
                .minimumHealthyPercent(100).build();

        assertThat(BlueGreenRules.shiftsTraffic(percents)).isFalse();
        assertThat(BlueGreenRules.shiftsTraffic(null)).isFalse();
    }

    @Test
    void blueGreenCanaryAndLinear_shiftTraffic_rollingDoesNot() {
        assertThat(BlueGreenRules.shiftsTraffic(strategy(DeploymentStrategy.BLUE_GREEN))).isTrue();
        assertThat(BlueGreenRules.shiftsTraffic(strategy(DeploymentStrategy.CANARY))).isTrue();
        assertThat(BlueGreenRules.shiftsTraffic(strategy(DeploymentStrategy.LINEAR))).isTrue();
        assertThat(BlueGreenRules.shiftsTraffic(strategy(DeploymentStrategy.ROLLING))).isFalse();
    }

    private static DeploymentConfiguration strategy(DeploymentStrategy strategy) {
        return DeploymentConfiguration.builder().strategy(strategy).build();
    }
}
