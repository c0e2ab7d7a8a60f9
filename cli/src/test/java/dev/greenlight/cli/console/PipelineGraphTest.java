package dev.greenlight.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.cli.console.PipelineGraph.Edge;
import dev.greenlight.cli.console.PipelineGraph.Node;
import dev.greenlight.workers.pipeline.AuditReport;
import org.junit.jupiter.api.Test;

/** The graph the page draws, read from a definition: states, every kind of transition, ranks. */
class PipelineGraphTest {

    private static final String DEFINITION = """
            {"StartAt": "Check", "States": {
              "Check": {"Type": "Choice", "Choices": [{"Variable": "$.ok", "BooleanEquals": true, "Next": "Work"}],
                        "Default": "Failed"},
              "Work": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Next": "Approve",
                       "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Failed"}]},
              "Approve": {"Type": "Parallel", "Next": "Done", "Branches": [
                {"StartAt": "Ask", "States": {"Ask": {"Type": "Pass", "End": true}}}]},
              "Done": {"Type": "Succeed"},
              "Failed": {"Type": "Fail"}}}""";

    @Test
    void everyState_andEveryTransition_withItsKind_andItsDistanceFromTheStart() {
        PipelineGraph graph = PipelineGraph.of(AuditReport.json(DEFINITION));

        assertThat(graph.startAt()).isEqualTo("Check");
        assertThat(graph.nodes()).containsExactlyInAnyOrder(new Node("Check", "Choice", null, 0),
                new Node("Work", "Task", null, 1), new Node("Failed", "Fail", null, 1),
                new Node("Approve", "Parallel", null, 2), new Node("Ask", "Pass", "Approve", 3),
                new Node("Done", "Succeed", null, 3));
        assertThat(graph.edges()).containsExactlyInAnyOrder(new Edge("Check", "Work", "choice"),
                new Edge("Check", "Failed", "default"), new Edge("Work", "Approve", "next"),
                new Edge("Work", "Failed", "catch"), new Edge("Approve", "Done", "next"),
                new Edge("Approve", "Ask", "branch"));
    }
}
