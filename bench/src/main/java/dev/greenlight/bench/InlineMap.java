package dev.greenlight.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.LocalRun;
import dev.greenlight.local.asl.component.StateMachine;
import dev.greenlight.local.asl.eval.Execution;
import dev.greenlight.local.asl.eval.StartRequest;
import dev.greenlight.local.asl.task.LocalIntegrations;
import java.util.Locale;

/** An inline Map over {@code items} items, each through two Pass states. */
final class InlineMap implements Scenario {

    private final String name;
    private final StateMachine machine;
    private final int items;
    private final JsonNode input;
    private final LocalIntegrations integrations = new LocalIntegrations();
    /** Counted once: the same machine and input take the same path every round, and counting a history costs. */
    private long transitions;

    InlineMap(String name, String definitionFile, int items) {
        this.name = name;
        this.machine = Definitions.load(definitionFile);
        this.items = items;
        ObjectNode document = Json.NODES.objectNode();
        ArrayNode array = document.putArray("items");
        for (int i = 0; i < items; i++) {
            array.addObject().put("id", i);
        }
        this.input = document;
    }

    @Override
    public String name() {
        return String.format(Locale.ROOT, "%s (%,d items)", name, items);
    }

    @Override
    public String unit() {
        return "item";
    }

    @Override
    public Round run() {
        Execution execution = LocalRun.virtualTime(machine, StartRequest.of("map", input), integrations);
        Executions.requireSucceeded(name, execution);
        JsonNode output = execution.output();
        if (!output.isArray() || output.size() != items) {
            throw new WrongResultException(name, "expected " + items + " results, got "
                    + (output.isArray() ? output.size() : output.getNodeType()));
        }
        JsonNode last = output.get(items - 1);
        if (last.path("double").intValue() != 2 * (items - 1) || !last.path("tag").asText().equals("seen")) {
            throw new WrongResultException(name, "the last item came out as " + last);
        }
        if (transitions == 0) {
            transitions = Executions.transitions(execution);
        }
        return new Round(items, transitions);
    }
}
