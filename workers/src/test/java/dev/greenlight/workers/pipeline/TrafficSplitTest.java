package dev.greenlight.workers.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.workers.pipeline.TrafficSplit.Share;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

/** The one weight-to-percent reading of a listener, for status, the demo and the console. */
class TrafficSplitTest {

    private static final String BLUE = "arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/orders-blue/1";
    private static final String GREEN = "arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/orders-green/2";

    @Test
    void weightedForward_isInPercent_eachGroupNamedFromItsArn() {
        TrafficSplit split = TrafficSplit.of(weighted(90, 10));

        assertThat(split.shares()).containsExactly(new Share(BLUE, 90), new Share(GREEN, 10));
        assertThat(split.shares()).extracting(Share::targetGroup).containsExactly("orders-blue", "orders-green");
        assertThat(split.percentOf(GREEN)).isEqualTo(10);
        assertThat(split.percentOfOthers(GREEN)).isEqualTo(90);
        assertThat(split.live()).isEqualTo(BLUE);
    }

    @Test
    void plainForward_isAllOnItsTargetGroup_andAWeightLeftOutCountsOne() {
        assertThat(TrafficSplit.of(List.of(Action.builder().type(ActionTypeEnum.FORWARD).targetGroupArn(BLUE).build()))
                .shares()).containsExactly(new Share(BLUE, 100));
        assertThat(TrafficSplit.of(List.of(Action.builder().type(ActionTypeEnum.FORWARD).forwardConfig(f -> f
                .targetGroups(TargetGroupTuple.builder().targetGroupArn(BLUE).build(),
                        TargetGroupTuple.builder().targetGroupArn(GREEN).weight(3).build())).build())).shares())
                .containsExactly(new Share(BLUE, 25), new Share(GREEN, 75));
    }

    @Test
    void noForward_isNoShare_andAllWeightsZeroIsNoTraffic() {
        assertThat(TrafficSplit.of(List.of()).live()).isNull();
        assertThat(TrafficSplit.of(weighted(0, 0)).shares()).containsExactly(new Share(BLUE, 0), new Share(GREEN, 0));
    }

    private static List<Action> weighted(int blue, int green) {
        return List.of(Action.builder().type(ActionTypeEnum.FORWARD).forwardConfig(f -> f.targetGroups(
                TargetGroupTuple.builder().targetGroupArn(BLUE).weight(blue).build(),
                TargetGroupTuple.builder().targetGroupArn(GREEN).weight(green).build())).build());
    }
}
