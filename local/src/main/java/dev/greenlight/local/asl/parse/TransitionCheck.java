package dev.greenlight.local.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.LinkedHashSet;

/**
 * Checks the transitions of one program as AWS does: every target names a state of the same
 * program, some state ends it, and every state can be reached from StartAt.
 */
final class TransitionCheck {

    private record Target(String from, String name, Problems problems) {
    }

    private final Map<String, List<String>> next = new LinkedHashMap<>();
    private final List<Target> targets = new ArrayList<>();
    private boolean hasTerminal;

    void state(String name) {
        next.put(name, new ArrayList<>());
    }

    void terminal() {
        hasTerminal = true;
    }

    /** A transition from {@code from}; {@code problems} is at the field that names it. */
    void target(String from, JsonNode target, Problems problems) {
        if (target != null && target.isTextual()) {
            targets.add(new Target(from, target.textValue(), problems));
        }
    }

    /**
     * Reports dangling targets, then (for the state machine itself only: AWS accepts a branch or
     * ItemProcessor that loops forever) a missing terminal state, then the unreachable states. A
     * StartAt naming no state reaches nothing, so every state is then unreachable too.
     */
    void finish(String startAt, boolean needsTerminal, Problems programProblems) {
        for (Target target : targets) {
            if (next.containsKey(target.name)) {
                next.get(target.from).add(target.name);
            } else {
                target.problems.add("MISSING_TRANSITION_TARGET", "Missing 'Next' target: " + target.name);
            }
        }
        if (startAt == null) {
            return;
        }
        boolean startExists = next.containsKey(startAt);
        if (!startExists) {
            programProblems.at("StartAt").add("MISSING_TRANSITION_TARGET", "Missing 'Next' target: " + startAt);
        }
        if (needsTerminal && !hasTerminal) {
            // AWS reports only this: the reachability walk is skipped.
            programProblems.add("MISSING_END_STATE", "Workflow has no terminal state");
            return;
        }
        Set<String> reached = startExists ? reachableFrom(startAt) : Set.of();
        for (String state : next.keySet()) {
            if (!reached.contains(state)) {
                programProblems.at("States").at(state)
                        .add("MISSING_TRANSITION_TARGET", "State \"" + state + "\" is not reachable.");
            }
        }
    }

    private Set<String> reachableFrom(String startAt) {
        Set<String> reached = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(startAt));
        while (!queue.isEmpty()) {
            String state = queue.poll();
            if (reached.add(state)) {
                queue.addAll(next.get(state));
            }
        }
        return reached;
    }
}
