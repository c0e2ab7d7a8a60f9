package dev.greenlight.local.asl.task;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.StatesException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * AWS Step Functions Local's mock configuration: per state machine, test cases that map state
 * names to mocked responses; a response answers numbered attempts ("0", "1-2") with
 * {@code Return} or {@code Throw}.
 */
public final class MockConfig {

    private final JsonNode config;

    private MockConfig(JsonNode config) {
        this.config = config;
    }

    /** @throws IllegalArgumentException naming what is wrong with the file */
    public static MockConfig of(JsonNode config) {
        List<String> problems = new ArrayList<>();
        if (!config.path("StateMachines").isObject()) {
            problems.add("the mock configuration needs a \"StateMachines\" object");
        }
        if (!config.path("MockedResponses").isObject()) {
            problems.add("the mock configuration needs a \"MockedResponses\" object");
        }
        config.path("StateMachines").fields().forEachRemaining(machine ->
                machine.getValue().path("TestCases").fields().forEachRemaining(testCase ->
                        testCase.getValue().fields().forEachRemaining(state -> {
                            if (!config.path("MockedResponses").has(state.getValue().asText())) {
                                problems.add("test case '" + testCase.getKey() + "' maps state '" + state.getKey()
                                        + "' to the mocked response '" + state.getValue().asText()
                                        + "', which MockedResponses does not define");
                            }
                        })));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new MockConfig(config);
    }

    /**
     * The integrations of {@code testCase} for one execution: mocked states answer from the
     * configuration, the others go to {@code fallback}.
     *
     * @throws IllegalArgumentException when no state machine defines the test case
     */
    public Integrations testCase(String stateMachine, String testCase, Integrations fallback) {
        JsonNode cases = findTestCase(stateMachine, testCase);
        // Step Functions Local numbers a state's invocations across the execution, retries and loops alike.
        Map<String, Integer> invocations = new java.util.concurrent.ConcurrentHashMap<>();
        return call -> {
            JsonNode responseName = cases.get(call.stateName());
            if (responseName == null) {
                return fallback.invoke(call);
            }
            int invocation = invocations.merge(call.stateName(), 1, Integer::sum) - 1;
            JsonNode response = attempt(config.path("MockedResponses").path(responseName.asText()), invocation);
            if (response == null) {
                throw new StatesException("States.Runtime", "The mocked response '" + responseName.asText()
                        + "' has no entry for invocation " + invocation + " of state '" + call.stateName() + "'");
            }
            if (response.has("Throw")) {
                throw new StatesException(response.path("Throw").path("Error").asText(null),
                        response.path("Throw").path("Cause").asText(null));
            }
            return java.util.concurrent.CompletableFuture.completedFuture(response.path("Return"));
        };
    }

    private JsonNode findTestCase(String stateMachine, String testCase) {
        JsonNode machines = config.path("StateMachines");
        if (stateMachine != null && machines.has(stateMachine)) {
            JsonNode cases = machines.path(stateMachine).path("TestCases").get(testCase);
            if (cases != null) {
                return cases;
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = machines.fields(); it.hasNext(); ) {
            JsonNode cases = it.next().getValue().path("TestCases").get(testCase);
            if (cases != null) {
                return cases;
            }
        }
        throw new IllegalArgumentException("no state machine in the mock configuration has the test case '"
                + testCase + "'");
    }

    /** The entry whose key ("2" or "1-3") covers {@code attempt}. */
    private static JsonNode attempt(JsonNode responses, int attempt) {
        for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String[] range = entry.getKey().split("-");
            int from = Integer.parseInt(range[0].trim());
            int to = range.length > 1 ? Integer.parseInt(range[1].trim()) : from;
            if (attempt >= from && attempt <= to) {
                return entry.getValue();
            }
        }
        return null;
    }
}
