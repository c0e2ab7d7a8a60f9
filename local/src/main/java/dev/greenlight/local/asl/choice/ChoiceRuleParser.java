package dev.greenlight.local.asl.choice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.parse.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds a {@link ChoiceRule} from its JSONPath definition, checking it as CreateStateMachine does.
 * The spec: "Each choice rule MUST contain exactly one field containing a comparison operator"; a
 * Data-test expression "MUST contain a field named 'Variable'"; the value of "And" or "Or" "MUST be an
 * non-empty object array of Choice Rules, which MUST NOT contain 'Next' fields", and so must "Not"'s.
 */
public final class ChoiceRuleParser {

    private static final Set<String> BOOLEAN_OPERATORS = Set.of("And", "Or", "Not");

    /** Fields of a Choices entry that the Choice state reads, not the rule; any rule may have a Comment. */
    private static final Set<String> CHOICE_FIELDS = Set.of("Next", "Assign");

    private ChoiceRuleParser() {
    }

    /**
     * Parses one rule object. {@code topLevel} is true for an entry of Choices, which also carries Next
     * and may carry Assign and Comment; those are accepted and left to the Choice state. Problems are
     * added, never thrown; returns null when the rule is unusable.
     */
    public static ChoiceRule parse(JsonNode rule, boolean topLevel, Problems problems) {
        if (rule == null || !rule.isObject()) {
            problems.add("A Choice Rule must be a JSON object");
            return null;
        }
        int known = problems.all().size();
        List<String> operators = new ArrayList<>();
        rule.fieldNames().forEachRemaining(field -> {
            if (BOOLEAN_OPERATORS.contains(field) || DataTests.isOperator(field)) {
                operators.add(field);
            } else if (!field.equals("Variable") && !field.equals("Comment")
                    && !(topLevel && CHOICE_FIELDS.contains(field))) {
                problems.add("Field '" + field + "' is not supported");
            }
        });
        if (operators.size() != 1) {
            problems.add("A Choice Rule must have exactly one comparison operator or one of And, Or, Not; it has "
                    + (operators.isEmpty() ? "none" : operators.stream().map(name -> "'" + name + "'")
                            .collect(Collectors.joining(", "))));
            return null;
        }
        String operator = operators.get(0);
        ChoiceRule parsed = BOOLEAN_OPERATORS.contains(operator)
                ? booleanExpression(rule, operator, problems)
                : dataTest(rule, operator, problems);
        return problems.all().size() == known ? parsed : null;
    }

    private static ChoiceRule booleanExpression(JsonNode rule, String operator, Problems problems) {
        if (rule.has("Variable")) {
            problems.add("Field 'Variable' is not supported");
        }
        JsonNode operand = rule.get(operator);
        if (operator.equals("Not")) {
            ChoiceRule inner = parse(operand, false, problems.at(operator));
            return inner == null ? null : new Not(inner);
        }
        if (!operand.isArray() || operand.isEmpty()) {
            problems.at(operator).add("The value for the field '" + operator + "' must be a non-empty array");
            return null;
        }
        List<ChoiceRule> rules = new ArrayList<>();
        for (int i = 0; i < operand.size(); i++) {
            rules.add(parse(operand.get(i), false, problems.at(operator).at(i)));
        }
        if (rules.contains(null)) {
            return null;
        }
        return operator.equals("And") ? new And(rules) : new Or(rules);
    }

    private static ChoiceRule dataTest(JsonNode rule, String operator, Problems problems) {
        JsonNode variable = rule.get("Variable");
        if (variable == null) {
            problems.add("The field 'Variable' is required but was missing");
        } else if (!variable.isTextual() || !ConditionPaths.isValid(variable.textValue())) {
            problems.at("Variable").add("The value for the field 'Variable' must be a valid ReferencePath");
        }
        // The operand is checked even when Variable is wrong, so that one pass reports both.
        return DataTests.build(operator, variable == null ? null : variable.asText(), rule.get(operator),
                problems.at(operator));
    }
}
