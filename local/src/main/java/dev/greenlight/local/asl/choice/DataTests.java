package dev.greenlight.local.asl.choice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.parse.Problems;
import java.util.HashMap;
import java.util.Map;

/** The comparison operators of Data-test expressions by field name, with the operand each one needs. */
final class DataTests {

    /** Builds the rule of one operator from its operand, or adds a problem at the operand and returns null. */
    @FunctionalInterface
    private interface Builder {
        ChoiceRule build(String variable, JsonNode operand, Problems problems);
    }

    private static final Map<String, Builder> BY_NAME = byName();

    private DataTests() {
    }

    static boolean isOperator(String field) {
        return BY_NAME.containsKey(field);
    }

    /** The rule of {@code operator}, which {@link #isOperator} accepted; null when the operand is unusable. */
    static ChoiceRule build(String operator, String variable, JsonNode operand, Problems problems) {
        return BY_NAME.get(operator).build(variable, operand, problems);
    }

    private static Map<String, Builder> byName() {
        Map<String, Builder> builders = new HashMap<>();
        for (Family family : Family.values()) {
            for (Relation relation : family.relations()) {
                String name = family.prefix() + relation.suffix();
                builders.put(name, (variable, operand, problems) -> family.accepts(operand)
                        ? new Comparison(variable, family, relation, new Comparand.Literal(operand))
                        : invalid(problems, name, "be " + family.description()));
                builders.put(name + "Path", (variable, operand, problems) -> isPath(operand)
                        ? new Comparison(variable, family, relation, new Comparand.Path(operand.textValue()))
                        : invalid(problems, name + "Path", "be a valid ReferencePath"));
            }
        }
        for (TypeCheck check : TypeCheck.values()) {
            builders.put(check.fieldName(), (variable, operand, problems) -> operand.isBoolean()
                    ? new TypeTest(variable, check, operand.booleanValue())
                    : invalid(problems, check.fieldName(), "be a boolean"));
        }
        builders.put("IsPresent", (variable, operand, problems) -> operand.isBoolean()
                ? new IsPresent(variable, operand.booleanValue())
                : invalid(problems, "IsPresent", "be a boolean"));
        builders.put("StringMatches", DataTests::stringMatches);
        return Map.copyOf(builders);
    }

    private static ChoiceRule stringMatches(String variable, JsonNode operand, Problems problems) {
        if (!operand.isTextual()) {
            return invalid(problems, "StringMatches", "be a string");
        }
        return Wildcard.parse(operand.textValue())
                .<ChoiceRule>map(pattern -> new StringMatches(variable, pattern))
                .orElseGet(() -> invalid(problems, "StringMatches",
                        "not have an open escape: a backslash may only precede '*' or another backslash"));
    }

    private static boolean isPath(JsonNode operand) {
        return operand.isTextual() && ConditionPaths.isValid(operand.textValue());
    }

    private static ChoiceRule invalid(Problems problems, String field, String requirement) {
        problems.add("The value for the field '" + field + "' must " + requirement);
        return null;
    }
}
