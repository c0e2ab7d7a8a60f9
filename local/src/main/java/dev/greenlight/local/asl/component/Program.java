package dev.greenlight.local.asl.component;

import java.util.Map;

/**
 * A set of states with a start: the state machine itself, a Parallel branch or a Map's
 * ItemProcessor.
 */
public record Program(String startAt, Map<String, State> states, QueryLanguage queryLanguage) {

    public State state(String name) {
        return states.get(name);
    }
}
