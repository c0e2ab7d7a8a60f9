package dev.greenlight.local.asl.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.greenlight.local.asl.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The simple evaluator gives the dashjoin library's answer, result for result: generated expressions over generated
 * values (missing fields, JSON null, ints, longs, whole and fractional doubles, decimals, strings, booleans, arrays
 * nested and not, objects), each evaluated both ways with the same bindings.
 */
class SimpleExpressionTest {

    private static final Jsonata.Functions FUNCTIONS = new Jsonata.Functions(new SplittableRandom(1));
    private static final JsonNode CONTEXT = Json.parse("{\"Execution\": {\"Name\": \"run\", \"Input\": {\"a\": 1}},"
            + " \"State\": {\"EnteredTime\": \"2026-12-06T09:00:00.000Z\", \"Name\": \"Increment\","
            + " \"RetryCount\": 0}}");
    private static final String[] FIELDS = {"a", "b", "c", "n", "s", "list"};
    private static final String[] OPERATORS = {"+", "-", "*", "/", "%", "=", "!=", "<", "<=", ">", ">=", "and", "or",
            "&"};

    @ParameterizedTest
    @ValueSource(strings = {"$states.input.counter + 1", "$states.input.target",
            "$states.input.counter < $states.input.target", "$states.input.id + $states.input.id",
            "$merge([$states.input, {'validated': {'value': $states.result.Payload}}])",
            "$states.input.deployment.status = 'STABLE'", "$states.result.Payload", "$states.input.items",
            "{'deploymentId': $states.result.Payload.deploymentId, 'polls': $states.result.Payload.polls}",
            "'release-' & $states.input.request.service", "$count + 1", "$count < 10000", "$states.input",
            "$states.context.State.RetryCount"})
    void theEnginesOwnExpressions_areSimpleAndAgree(String expression) {
        assertThat(SimpleExpressionParser.parse(expression)).isNotNull();
        Random random = new Random(expression.hashCode());
        for (int i = 0; i < 200; i++) {
            Values values = Values.random(random);
            assertThat(compare(expression, values)).as("%s with %s: simple %s, library %s", expression, values,
                    simple(expression, values), library(expression, values)).isNotEqualTo(Outcome.DISAGREE);
        }
    }

    @Test
    void generatedExpressions_giveTheLibrarysAnswer() {
        Random random = new Random(14);
        Map<Outcome, Integer> outcomes = new LinkedHashMap<>();
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < 40_000; i++) {
            String expression = expression(random, 2 + random.nextInt(2));
            Values values = Values.random(random);
            Outcome outcome = compare(expression, values);
            outcomes.merge(outcome, 1, Integer::sum);
            if (outcome == Outcome.DISAGREE && disagreements.size() < 10) {
                disagreements.add(expression + " with " + values + ": simple " + simple(expression, values)
                        + ", library " + library(expression, values));
            }
        }
        assertThat(disagreements).isEmpty();
        // The comparison proves something only where the simple evaluator answered, on a good share of each kind.
        assertThat(outcomes.getOrDefault(Outcome.AGREE, 0)).isGreaterThan(6_000);
        assertThat(outcomes.getOrDefault(Outcome.AGREE_UNDEFINED, 0)).isGreaterThan(3_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"$states.input.a[0]", "$states.input.a.b.c ~> $f()", "$sum($states.input.list)",
            "-$states.input.a", "$states.input.`a b`", "$states.input.a /* note */", "\"a\\nb\"", "1e3",
            "{'a': 1, 'a': 2}", "$states.input.a ? 1 : 2", "$states.input.a in [1, 2]", "$", "$$.a",
            "$states.input{'a': 1}", "$uuid()", "$states.input.a; 1", "($x := 1)", "$states.input.*"})
    void otherForms_areLeftToTheLibrary(String expression) {
        assertThat(SimpleExpressionParser.parse(expression)).isNull();
    }

    private enum Outcome { AGREE, AGREE_UNDEFINED, UNSURE, DISAGREE }

    private static Outcome compare(String expression, Values values) {
        SimpleExpression simple = SimpleExpressionParser.parse(expression);
        if (simple == null) {
            return Outcome.UNSURE;
        }
        JsonNode answer;
        try {
            answer = SimpleExpression.result(simple.evaluate(values));
        } catch (SimpleExpression.Unsure e) {
            return Outcome.UNSURE;
        }
        Object expected = library(expression, values);
        if (!(expected instanceof Throwable) && sameTree((JsonNode) expected, answer)) {
            return answer == null ? Outcome.AGREE_UNDEFINED : Outcome.AGREE;
        }
        return Outcome.DISAGREE;
    }

    private static Object simple(String expression, Values values) {
        try {
            return SimpleExpression.result(SimpleExpressionParser.parse(expression).evaluate(values));
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static Object library(String expression, Values values) {
        try {
            return Jsonata.evaluateByLibrary(expression, values, FUNCTIONS);
        } catch (RuntimeException e) {
            return e;
        }
    }

    /** Equal, node type for node type and field order for field order (Jackson's equals ignores both). */
    private static boolean sameTree(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.getClass() != b.getClass() || a.size() != b.size()) {
            return false;
        }
        if (a.isObject()) {
            Iterator<String> names = a.fieldNames();
            Iterator<String> otherNames = b.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!name.equals(otherNames.next()) || !sameTree(a.get(name), b.get(name))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray()) {
            for (int i = 0; i < a.size(); i++) {
                if (!sameTree(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    private static String expression(Random random, int depth) {
        int kind = depth == 0 ? random.nextInt(3) : random.nextInt(9);
        return switch (kind) {
            case 0, 1 -> path(random);
            case 2 -> literal(random);
            case 3, 4, 5 -> expression(random, depth - 1) + " " + OPERATORS[random.nextInt(OPERATORS.length)] + " "
                    + expression(random, depth - 1);
            case 6 -> "(" + expression(random, depth - 1) + ")";
            case 7 -> random.nextBoolean() ? "{'k': " + expression(random, depth - 1) + ", 'l': "
                    + expression(random, depth - 1) + "}" : "[" + expression(random, depth - 1) + ", "
                    + expression(random, depth - 1) + "]";
            default -> random.nextBoolean() ? "$merge(" + expression(random, depth - 1) + ")"
                    : "$merge([" + expression(random, depth - 1) + ", " + expression(random, depth - 1) + "])";
        };
    }

    private static String path(Random random) {
        String[] roots = {"$states.input", "$states.result", "$states.errorOutput", "$v", "$w", "$nothing",
                "$states.context.State", "$states.context.Execution.Input", "$states.context.State.RetryCount",
                "$states"};
        StringBuilder path = new StringBuilder(roots[random.nextInt(roots.length)]);
        for (int steps = random.nextInt(3); steps > 0; steps--) {
            path.append('.').append(FIELDS[random.nextInt(FIELDS.length)]);
        }
        return path.toString();
    }

    private static String literal(Random random) {
        String[] literals = {"0", "1", "2", "10000", "1.5", "0.1", "3000000000", "9007199254740993", "'x'", "''",
                "\"STABLE\"", "true", "false", "1.0", "12.50"};
        return literals[random.nextInt(literals.length)];
    }

    /**
     * The bindings as the engine's JsonataBindings makes them: {@code $states} with input, context, and the result and
     * error output when there are any, JSON null in a field as a Java null; each variable by {@link Jsonata#toPlain}.
     */
    private record Values(JsonNode input, JsonNode result, JsonNode errorOutput, Map<String, JsonNode> variables)
            implements Jsonata.Bindings {

        static Values random(Random random) {
            // Doubles and decimals send most expressions over them to the library: two in three draws have none.
            boolean exotic = random.nextInt(3) == 0;
            Map<String, JsonNode> variables = new LinkedHashMap<>();
            if (random.nextBoolean()) {
                variables.put("v", value(random, 2, exotic));
            }
            if (random.nextInt(4) == 0) {
                variables.put("w", NullNode.getInstance());
            }
            if (random.nextInt(20) == 0) {
                variables.put("merge", value(random, 1, exotic));
            }
            variables.put("count", IntNode.valueOf(random.nextInt(20_000)));
            return new Values(random.nextInt(10) == 0 ? NullNode.getInstance() : object(random, 2, exotic),
                    random.nextBoolean() ? object(random, 2, exotic) : null,
                    random.nextInt(4) == 0 ? object(random, 1, exotic) : null,
                    variables);
        }

        private static ObjectNode object(Random random, int depth, boolean exotic) {
            ObjectNode object = Json.NODES.objectNode();
            for (String field : FIELDS) {
                if (random.nextInt(4) != 0) {
                    object.set(field, value(random, depth, exotic));
                }
            }
            object.put("counter", random.nextInt(3)).put("target", random.nextInt(3)).put("id", random.nextInt(5));
            return object;
        }

        private static JsonNode value(Random random, int depth, boolean exotic) {
            int kind = random.nextInt(depth > 0 ? 16 : 13);
            if (!exotic && kind >= 4 && kind <= 6) {
                kind -= 4;
            }
            return switch (kind) {
                case 0 -> IntNode.valueOf(random.nextInt(7) - 3);
                case 1 -> IntNode.valueOf(Integer.MAX_VALUE);
                case 2 -> LongNode.valueOf(3_000_000_000L + random.nextInt(3));
                case 3 -> LongNode.valueOf(9_007_199_254_740_993L);
                case 4 -> DoubleNode.valueOf(random.nextInt(5) / 2.0);
                case 5 -> DoubleNode.valueOf(-0.0);
                case 6 -> DecimalNode.valueOf(new BigDecimal("1.50"));
                case 7 -> TextNode.valueOf(random.nextBoolean() ? "STABLE" : "");
                case 8 -> TextNode.valueOf("x" + random.nextInt(3));
                case 9 -> BooleanNode.valueOf(random.nextBoolean());
                case 10 -> NullNode.getInstance();
                case 11 -> Json.NODES.arrayNode();
                case 12 -> Json.NODES.arrayNode().add(random.nextInt(3));
                case 13 -> object(random, depth - 1, exotic);
                case 14 -> {
                    ArrayNode array = Json.NODES.arrayNode();
                    array.add(value(random, depth - 1, exotic)).add(value(random, depth - 1, exotic));
                    yield array;
                }
                default -> Json.NODES.arrayNode().add(object(random, depth - 1, exotic))
                        .add(Json.NODES.arrayNode().add(1));
            };
        }

        @Override
        public List<String> names() {
            List<String> names = new ArrayList<>(variables.keySet());
            names.add("states");
            return names;
        }

        @Override
        public Object value(String name) {
            if (!name.equals("states")) {
                return Jsonata.toPlain(variables.get(name));
            }
            Map<String, Object> states = new LinkedHashMap<>();
            states.put("input", plainField(input));
            states.put("context", Jsonata.toPlainFields(CONTEXT));
            if (result != null) {
                states.put("result", plainField(result));
            }
            if (errorOutput != null) {
                states.put("errorOutput", plainField(errorOutput));
            }
            return states;
        }

        private static Object plainField(JsonNode value) {
            return value == null || value.isNull() ? null : Jsonata.toPlain(value);
        }

        @Override
        public JsonNode statesField(String name) {
            return switch (name) {
                case "input" -> input == null ? NullNode.getInstance() : input;
                case "context" -> CONTEXT;
                case "result" -> result;
                case "errorOutput" -> errorOutput;
                default -> null;
            };
        }

        @Override
        public JsonNode variable(String name) {
            return variables.get(name);
        }
    }
}
