package dev.greenlight.local.asl.parse;

import java.util.List;
import java.util.stream.Collectors;

/** A definition CreateStateMachine would refuse; the message is AWS's InvalidDefinition message. */
public final class InvalidDefinitionException extends RuntimeException {

    private final List<Problem> problems;

    public InvalidDefinitionException(List<Problem> problems) {
        super("Invalid State Machine Definition: '"
                + problems.stream().map(Problem::toString).collect(Collectors.joining(", ")) + "'");
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
