package dev.greenlight.local.asl.query;

import com.dashjoin.jsonata.JException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.ParseCache;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** JSONata expressions of ASL ({@code {% ... %}}): simple ones evaluated directly, the rest by the dashjoin library. */
public final class Jsonata {

    /** Bounded, as every parse cache of a long-running twin is. */
    private static final ParseCache<com.dashjoin.jsonata.Jsonata> COMPILED = new ParseCache<>();
    /** Each expression text read once by {@link SimpleExpressionParser}; empty when it is beyond it. */
    private static final ParseCache<Optional<SimpleExpression>> SIMPLE = new ParseCache<>();
    private static final ParseCache<String> BODIES = new ParseCache<>();

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
        return BODIES.computeIfAbsent(text, t -> t.substring(2, t.length() - 2).trim());
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
     * and each variable by name, as {@link #toPlain} makes them), with the functions Step Functions adds;
     * {@code random} serves {@code $random()} and {@code $uuid()}. Returns null when the result is undefined, JSON null
     * when it is JSON null. A simple
     * expression ({@link SimpleExpression}) is evaluated on the trees directly when its values allow, with the
     * library's answer; any other goes to the library.
     *
     * @throws JException when the expression fails
     */
    public static JsonNode evaluate(String expression, Bindings bindings, Functions functions) {
        Optional<SimpleExpression> simple = SIMPLE.computeIfAbsent(expression,
                text -> Optional.ofNullable(SimpleExpressionParser.parse(text)));
        if (simple.isPresent()) {
            try {
                return SimpleExpression.result(simple.get().evaluate(bindings));
            } catch (SimpleExpression.Unsure e) {
                // beyond the simple rules for these values: the library's answer
            }
        }
        return evaluateByLibrary(expression, bindings, functions);
    }

    /** As {@link #evaluate}, always by the dashjoin library. */
    static JsonNode evaluateByLibrary(String expression, Bindings bindings, Functions functions) {
        com.dashjoin.jsonata.Jsonata compiled = compile(expression);
        synchronized (compiled) {
            com.dashjoin.jsonata.Jsonata.Frame frame = compiled.createFrame();
            // JSONata reads a variable or function only by writing its name after '$': an expression that does not
            // mention one cannot tell whether it was bound, and binding (and converting) it costs.
            functions.bound.forEach((name, function) -> {
                if (mentions(expression, name)) {
                    frame.bind(name, function);
                }
            });
            for (String name : bindings.names()) {
                if (mentions(expression, name)) {
                    frame.bind(name, bindings.value(name));
                }
            }
            Object result = compiled.evaluate(null, frame);
            return result == null ? null : PlainValues.toNode(result);
        }
    }

    /** What an expression's {@code $name}s are bound to, converted by {@link #toPlain} when first asked for. */
    public interface Bindings {
        /** Every name, in binding order: a later one hides an earlier one of the same name. */
        List<String> names();

        Object value(String name);

        /**
         * A field of {@code $states} as it is: input (JSON null when there is none), context, result and errorOutput
         * (null when {@code $states} lacks them); null for any other name.
         */
        JsonNode statesField(String name);

        /** The variable of that name as it is, null when no variable of that name is visible. */
        JsonNode variable(String name);
    }

    /** Whether {@code $name} occurs in the expression (perhaps inside a longer name: then it is bound needlessly). */
    static boolean mentions(String expression, String name) {
        for (int at = expression.indexOf(name); at >= 0; at = expression.indexOf(name, at + 1)) {
            if (at > 0 && expression.charAt(at - 1) == '$') {
                return true;
            }
        }
        return false;
    }

    /** The functions Step Functions adds to JSONata, made once for an engine's {@code random}. */
    public static final class Functions {
        private final Map<String, Object> bound;

        public Functions(RandomGenerator random) {
            this.bound = StepFunctionsJsonata.functions(random, PlainValues.PLAIN);
        }
    }

    /**
     * The library's results keep JSON null as its marker, which {@link PlainValues#toNode} makes JSON null: by default
     * the library turns the marker into a Java null, which at the top cannot be told from undefined.
     */
    private static com.dashjoin.jsonata.Jsonata compile(String expression) {
        return COMPILED.computeIfAbsent(expression, text -> {
            com.dashjoin.jsonata.Jsonata compiled = com.dashjoin.jsonata.Jsonata.jsonata(text);
            compiled.setOutputConvertNulls(false);
            return compiled;
        });
    }

    /** A value as the JSONata library takes it: maps, lists, numbers, strings, booleans; JSON null as its marker. */
    public static Object toPlain(JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.isNull()) {
            return com.dashjoin.jsonata.Jsonata.NULL_VALUE;
        }
        return PlainValues.toPlain(value);
    }

    /** The fields of an object as the JSONata library takes them, nested nulls as Java nulls. */
    public static Map<String, Object> toPlainFields(JsonNode object) {
        return PlainValues.toPlainFields(object);
    }
}
