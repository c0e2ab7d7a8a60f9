package dev.greenlight.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where an unsuccessful attempt of a program stopped, for RedriveExecution to continue from (guide,
 * "Redriving executions"): the state that did not exit, the input it was given and the variables its
 * scope held. A Parallel or inline Map state also keeps its branches or iterations, so that a redrive
 * reruns only those that failed or were aborted; a Distributed Map keeps its Map Run, whose unsuccessful
 * children are rerun.
 *
 * @param branches one per branch or started iteration, in order; empty for other states
 * @param mapRun the Map Run a Distributed Map state started, or null
 */
record RedrivePoint(String stateName, JsonNode input, Map<String, JsonNode> variables, List<Branch> branches,
        MapRun mapRun) {

    /** A branch or iteration: its output when it succeeded, else where it stopped (null: it never entered a state). */
    record Branch(JsonNode output, RedrivePoint point) {

        boolean succeeded() {
            return output != null;
        }
    }

    /** Where {@code scope}'s program stands now; null if it never entered a state. */
    static RedrivePoint of(Scope scope) {
        Scope.Position at = scope.position();
        if (at == null) {
            return null;
        }
        List<Branch> branches = new ArrayList<>();
        for (Scope child : at.children()) {
            JsonNode output = child.completedOutput();
            branches.add(output != null ? new Branch(output, null) : new Branch(null, of(child)));
        }
        return new RedrivePoint(at.stateName(), at.input(), scope.ownVariables(), List.copyOf(branches),
                at.mapRun());
    }

    /** The branch at {@code index}, or null when the unsuccessful attempt never started it. */
    Branch branch(int index) {
        return index < branches.size() ? branches.get(index) : null;
    }
}
