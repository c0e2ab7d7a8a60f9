package dev.greenlight.local.asl.parse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.component.Program;
import dev.greenlight.local.asl.component.QueryLanguage;
import dev.greenlight.local.asl.component.StateMachineType;
import dev.greenlight.local.asl.component.StateMachine;
import java.util.List;
import java.util.Set;

/**
 * Loads a definition as CreateStateMachine does: everything wrong with it is reported at once,
 * before anything runs.
 */
public final class DefinitionParser {

    private static final Set<String> MACHINE_FIELDS = Set.of("Comment", "StartAt", "States", "TimeoutSeconds",
            "Version", "QueryLanguage");

    private DefinitionParser() {
    }

    /** A STANDARD state machine; @throws InvalidDefinitionException naming every problem */
    public static StateMachine parse(String definition) {
        return parse(definition, StateMachineType.STANDARD);
    }

    /** @throws InvalidDefinitionException naming every problem */
    public static StateMachine parse(String definition, StateMachineType type) {
        JsonNode node;
        try {
            node = Json.MAPPER.reader().with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).readTree(definition);
        } catch (JsonProcessingException e) {
            throw new InvalidDefinitionException(List.of(new Problem("INVALID_JSON_DESCRIPTION",
                    e.getOriginalMessage(), null)));
        }
        return parse(node, type);
    }

    public static StateMachine parse(JsonNode node, StateMachineType type) {
        Problems problems = new Problems();
        if (node == null || !node.isObject()) {
            problems.add("The state machine definition must be a JSON OBJECT");
            throw new InvalidDefinitionException(problems.all());
        }
        ErrorHandlingParser.unknownFields(node, MACHINE_FIELDS, problems);
        Integer timeout = Fields.integer(node, "TimeoutSeconds", 1, problems);
        LanguageCheck.checkValue(node, problems);
        QueryLanguage language = LanguageCheck.of(node, QueryLanguage.JSONPath);
        Program program = new ProgramParser(language, type).machine(node, problems);
        if (!problems.isEmpty()) {
            throw new InvalidDefinitionException(problems.all());
        }
        return new StateMachine(program, timeout, node.path("Comment").asText(null), node);
    }

    /** The problems of a STANDARD definition; empty when it is valid. */
    public static List<Problem> validate(String definition) {
        return validate(definition, StateMachineType.STANDARD);
    }

    /** The problems of a definition; empty when it is valid. */
    public static List<Problem> validate(String definition, StateMachineType type) {
        try {
            parse(definition, type);
            return List.of();
        } catch (InvalidDefinitionException e) {
            return e.problems();
        }
    }
}
