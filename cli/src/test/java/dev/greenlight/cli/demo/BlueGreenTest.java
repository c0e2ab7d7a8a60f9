package dev.greenlight.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.workers.pipeline.TrafficSplit;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

class BlueGreenTest {

    private static final String BLUE = "arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/orders-blue/1";
    private static final String GREEN = "arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/orders-green/2";

    @Test
    void weightedForward_isSplitInPercent_blueBeingTheGroupThatHadAllTraffic() {
        List<Action> canary = weighted(90, 10);

        assertThat(BlueGreen.of(TrafficSplit.of(canary), BLUE)).isEqualTo(new BlueGreen(90, 10));
        assertThat(BlueGreen.of(TrafficSplit.of(canary), GREEN)).isEqualTo(new BlueGreen(10, 90));
        assertThat(TrafficSplit.of(canary).live()).isEqualTo(BLUE);
    }

    @Test
    void plainForward_isAllOnItsTargetGroup() {
        List<Action> plain = List.of(Action.builder().type(ActionTypeEnum.FORWARD).targetGroupArn(BLUE).build());

        assertThat(BlueGreen.of(TrafficSplit.of(plain), BLUE).allOnBlue()).isTrue();
        assertThat(BlueGreen.of(TrafficSplit.of(plain), GREEN)).isEqualTo(new BlueGreen(0, 100));
        assertThat(TrafficSplit.of(plain).live()).isEqualTo(BLUE);
    }

    @Test
    void bar_hasOneCharacterPerFivePercent_plusForGreen() {
        assertThat(new BlueGreen(90, 10).bar()).isEqualTo("[##################++]");
        assertThat(BlueGreen.ALL_BLUE.bar()).isEqualTo("[####################]");
        assertThat(new BlueGreen(0, 100).bar()).isEqualTo("[++++++++++++++++++++]");
    }

    private static List<Action> weighted(int blue, int green) {
        return List.of(Action.builder().type(ActionTypeEnum.FORWARD).forwardConfig(f -> f.targetGroups(
                TargetGroupTuple.builder().targetGroupArn(BLUE).weight(blue).build(),
                TargetGroupTuple.builder().targetGroupArn(GREEN).weight(green).build())).build());
    }
}
