package dev.greenlight.cli.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pipeline's graph, read from its Amazon States Language definition: every state (those of a
 * Parallel's branches too) and every transition a state can take ({@code Next}, a Choice's rules and
 * {@code Default}, a {@code Catch}'s {@code Next}, a Parallel into its branches). Each state has a
 * rank, its distance from {@code StartAt}, so a page can draw the graph top to bottom.
 */
record PipelineGraph(String startAt, List<Node> nodes, List<Edge> edges) {

    /** @param parallel the Parallel state whose branch holds it, or null at the top level */
    record Node(String name, String type, String parallel, int rank) {
    }

    /** @param kind next, choice, default, catch or branch */
    record Edge(String from, String to, String kind) {
    }

    static PipelineGraph of(JsonNode definition) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        List<Edge> edges = new ArrayList<>();
        collect(definition, null, nodes, edges);
        Map<String, Integer> ranks = ranks(definition.path("StartAt").asText(), edges);
        List<Node> ranked = nodes.values().stream()
                .map(node -> new Node(node.name(), node.type(), node.parallel(), ranks.getOrDefault(node.name(), 0)))
                .toList();
        return new PipelineGraph(definition.path("StartAt").asText(), ranked, List.copyOf(edges));
    }

    private static void collect(JsonNode machine, String parallel, Map<String, Node> nodes, List<Edge> edges) {
        machine.path("States").fields().forEachRemaining(entry -> {
            String name = entry.getKey();
            JsonNode state = entry.getValue();
            nodes.put(name, new Node(name, state.path("Type").asText(), parallel, 0));
            edge(edges, name, state.path("Next"), "next");
            state.path("Choices").forEach(rule -> edge(edges, name, rule.path("Next"), "choice"));
            edge(edges, name, state.path("Default"), "default");
            state.path("Catch").forEach(catcher -> edge(edges, name, catcher.path("Next"), "catch"));
            state.path("Branches").forEach(branch -> {
                edge(edges, name, branch.path("StartAt"), "branch");
                collect(branch, name, nodes, edges);
            });
            JsonNode processor = state.has("ItemProcessor") ? state.get("ItemProcessor") : state.path("Iterator");
            if (processor.has("States")) {
                edge(edges, name, processor.path("StartAt"), "branch");
                collect(processor, name, nodes, edges);
            }
        });
    }

    private static void edge(List<Edge> edges, String from, JsonNode to, String kind) {
        if (to.isTextual() && edges.stream().noneMatch(e -> e.from().equals(from) && e.to().equals(to.asText()))) {
            edges.add(new Edge(from, to.asText(), kind));
        }
    }

    /** Breadth first from the start: a state's rank is the fewest transitions that reach it. */
    private static Map<String, Integer> ranks(String startAt, List<Edge> edges) {
        Map<String, Integer> ranks = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        ranks.put(startAt, 0);
        queue.add(startAt);
        while (!queue.isEmpty()) {
            String at = queue.poll();
            for (Edge edge : edges) {
                if (edge.from().equals(at) && !ranks.containsKey(edge.to())) {
                    ranks.put(edge.to(), ranks.get(at) + 1);
                    queue.add(edge.to());
                }
            }
        }
        return ranks;
    }
}
