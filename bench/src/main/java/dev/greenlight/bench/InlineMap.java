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

    private static final String NAME = "Inline Map, 2 Pass states per item";

    private final StateMachine machine = Definitions.load("inline-map.asl.json");
    private final int items;
    private final JsonNode input;
    private final LocalIntegrations integrations = new LocalIntegrations();

    InlineMap(int items) {
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
        return String.format(Locale.ROOT, "%s (%,d items)", NAME, items);
    }

    @Override
    public String unit() {
        return "item";
    }

    @Override
    public Round run() {
        Execution execution = LocalRun.virtualTime(machine, StartRequest.of("map", input), integrations);
        Executions.requireSucceeded(NAME, execution);
        JsonNode output = execution.output();
        if (!output.isArray() || output.size() != items) {
            throw new WrongResultException(NAME, "expected " + items + " results, got "
                    + (output.isArray() ? output.size() : output.getNodeType()));
        }
        JsonNode last = output.get(items - 1);
        if (last.path("double").intValue() != 2 * (items - 1) || !last.path("tag").asText().equals("seen")) {
            throw new WrongResultException(NAME, "the last item came out as " + last);
        }
        return new Round(items, Executions.transitions(execution));
    }
}
