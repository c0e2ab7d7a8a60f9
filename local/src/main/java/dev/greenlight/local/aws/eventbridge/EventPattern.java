package dev.greenlight.local.aws.eventbridge;

import java.io.IOException;
import software.amazon.event.ruler.JsonRuleCompiler;
import software.amazon.event.ruler.Machine;

/**
 * A rule's event pattern, compiled once by Event Ruler, the matcher EventBridge itself uses,
 * so prefix, anything-but, numeric, exists, wildcard and the rest behave as on AWS.
 */
final class EventPattern {

    private final String text;
    private final Machine machine;

    private EventPattern(String text, Machine machine) {
        this.text = text;
        this.machine = machine;
    }

    /** @throws software.amazon.awssdk.services.eventbridge.model.InvalidEventPatternException */
    static EventPattern compile(String text) {
        String problem = JsonRuleCompiler.check(text);
        if (problem != null) {
            throw EventBridgeErrors.invalidPattern(problem);
        }
        Machine machine = new Machine();
        try {
            machine.addRule("pattern", text);
        } catch (IOException | RuntimeException e) {
            throw EventBridgeErrors.invalidPattern(e.getMessage());
        }
        return new EventPattern(text, machine);
    }

    String text() {
        return text;
    }

    /** Whether the event (EventBridge's JSON envelope) matches. */
    boolean matches(String eventJson) {
        try {
            return !machine.rulesForJSONEvent(eventJson).isEmpty();
        } catch (Exception e) {
            throw new IllegalArgumentException("event is not JSON: " + e.getMessage(), e);
        }
    }
}
