package dev.greenlight.workers.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.local.clock.VirtualClock;
import dev.greenlight.local.twin.LocalTwin;
import dev.greenlight.workers.core.DeploymentInput;
import dev.greenlight.workers.core.DeploymentInput.ImageRef;
import dev.greenlight.workers.testing.Configs;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Starting a release from its input, and listing the releases, against the twin's Step Functions. */
class PipelineStartTest {

    private static final String DIGEST = "sha256:7f5b2640fe6fb4f46592dfd3410c4a79dac4f89e4782432e0378abcd12345678";

    private final VirtualClock clock = new VirtualClock();
    private final LocalTwin twin = LocalTwin.virtualTime(clock);
    private final String pipeline = twin.stepFunctions().createStateMachine(r -> r.name("greenlight-pipeline")
            .roleArn("arn:aws:iam::123456789012:role/pipeline")
            .definition("{\"StartAt\": \"W\", \"States\": {\"W\": {\"Type\": \"Wait\", \"Seconds\": 3600, \"End\": true}}}"))
            .stateMachineArn();

    @AfterEach
    void close() {
        twin.close();
    }

    @Test
    void anImage_isStartedOnce_underTheNameItsServiceTagAndDigestGive() {
        PipelineStart.Outcome first = PipelineStart.start(twin.stepFunctions(), pipeline, input("2.0", "a push"));
        PipelineStart.Outcome again = PipelineStart.start(twin.stepFunctions(), pipeline, input("2.0", "once more"));

        assertThat(first.started()).isTrue();
        assertThat(first.executionName()).isEqualTo("orders-2_0-7f5b2640fe6f");
        assertThat(first.executionArn()).endsWith(":execution:greenlight-pipeline:orders-2_0-7f5b2640fe6f");
        clock.advance(Duration.ofSeconds(1));
        assertThat(again).isEqualTo(new PipelineStart.Outcome(first.executionArn(), first.executionName(), false));
        ExecutionHistory history = ExecutionHistory.of(twin.stepFunctions(), first.executionArn());
        assertThat(DeploymentStatus.input(history).trigger().reason()).isEqualTo("a push");
        assertThat(history.currentState()).contains("W");
    }

    @Test
    void recentExecutions_areNewestFirst_withTheirInputsServiceAndImage_andFiltered() {
        PipelineStart.start(twin.stepFunctions(), pipeline, input("2.0", "first"));
        PipelineStart.start(twin.stepFunctions(), pipeline, input("2.1", "second"));

        List<RecentExecutions.Row> rows = RecentExecutions.list(twin.stepFunctions(), pipeline, 10, row -> true);

        assertThat(rows).extracting(RecentExecutions.Row::image).containsExactlyInAnyOrder("orders:2.1", "orders:2.0");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.service()).isEqualTo("orders");
            assertThat(row.status()).isEqualTo("RUNNING");
            assertThat(row.stopped()).isNull();
        });
        assertThat(RecentExecutions.list(twin.stepFunctions(), pipeline, 1, row -> true)).hasSize(1);
        assertThat(RecentExecutions.list(twin.stepFunctions(), pipeline, 10, row -> row.tag().equals("2.1")))
                .singleElement().extracting(RecentExecutions.Row::name).isEqualTo("orders-2_1-7f5b2640fe6f");
    }

    private static DeploymentInput input(String tag, String reason) {
        return new DeploymentInput("orders", new ImageRef("orders", tag, DIGEST),
                new DeploymentInput.Trigger("manual", "alice", reason), Configs.orders(), null);
    }
}
