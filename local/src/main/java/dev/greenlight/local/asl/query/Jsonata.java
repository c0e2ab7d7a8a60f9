package dev.greenlight.local.asl.query;

import com.dashjoin.jsonata.JException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.local.asl.Json;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

/** JSONata expressions of ASL ({@code {% ... %}}), evaluated by the dashjoin JSONata library. */
public final class Jsonata {

    /** Plain Java numbers and collections, as the JSONata library expects them. */
    private static final ObjectMapper PLAIN = new ObjectMapper()
            .disable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static final Map<String, com.dashjoin.jsonata.Jsonata> COMPILED = new ConcurrentHashMap<>();

    private Jsonata() {
    }

    /**
     * Whether a string value is a JSONata expression: it begins with {@code {%} and ends with
     * {@code %}}, exactly (guide, "Transforming data with JSONata": any other string is a literal,
     * so {@code " {% $x %} "} with spaces around it is one).
     */
    public static boolean isExpression(JsonNode value) {
        return value != null && value.isTextual() && isExpression(value.textValue());
    }

    public static boolean isExpression(String text) {
        return text.startsWith("{%") && text.endsWith("%}") && text.length() >= 4;
    }

    /** The expression between the delimiters. */
    public static String body(String text) {
        return text.substring(2, text.length() - 2).trim();
    }

    /** Null when the expression parses, else the parser's message. */
    public static String syntaxError(String expression) {
        try {
            compile(expression);
            return null;
        } catch (JException e) {
            return e.getMessage();
        }
    }

    /**
     * Evaluates {@code expression} with {@code bindings} ({@code states} for {@code $states},
     * and each variable by name), with the functions Step Functions adds; {@code random} serves
     * {@code $random()} and {@code $uuid()}. Returns null when the result is undefined.
     *
     * @throws JException when the expression fails
     */
    public static JsonNode evaluate(String expression, Map<String, JsonNode> bindings, RandomGenerator random) {
        com.dashjoin.jsonata.Jsonata compiled = compile(expression);
        synchronized (compiled) {
            com.dashjoin.jsonata.Jsonata.Frame frame = compiled.createFrame();
            StepFunctionsJsonata.bind(frame, random, PLAIN);
            bindings.forEach((name, value) -> frame.bind(name, toPlain(value)));
            Object result = compiled.evaluate(null, frame);
            return result == null ? null : Json.MAPPER.valueToTree(result == com.dashjoin.jsonata.Jsonata.NULL_VALUE
                    ? null : result);
        }
    }

    private static com.dashjoin.jsonata.Jsonata compile(String expression) {
        return COMPILED.computeIfAbsent(expression, com.dashjoin.jsonata.Jsonata::jsonata);
    }

    private static Object toPlain(JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.isNull()) {
            return com.dashjoin.jsonata.Jsonata.NULL_VALUE;
        }
        return PLAIN.convertValue(value, Object.class);
    }
}
