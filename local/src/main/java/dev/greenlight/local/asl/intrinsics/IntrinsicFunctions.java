package dev.greenlight.local.asl.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.greenlight.local.asl.StatesError;
import dev.greenlight.local.asl.intrinsics.Argument.Invocation;
import dev.greenlight.local.asl.query.PathNotFoundException;
import dev.greenlight.local.asl.query.PathReader;
import dev.greenlight.local.asl.ParseCache;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The intrinsic functions of JSONPath-mode ASL ({@code States.Format(...)} and the seventeen
 * others): checked when a definition loads, evaluated when a state builds its payload.
 *
 * <p>Arguments are {@code 'string'} literals (with the escapes {@code \' \{ \} \\}), numbers,
 * {@code true}, {@code false}, {@code null}, Paths ({@code $.x}, {@code $$.Execution.Id},
 * {@code $name.x}) read through a {@link PathReader}, and nested calls. Arguments a function
 * cannot use, and Paths that select nothing, fail with {@code States.Runtime}, as AWS reports them;
 * calls that cannot even be parsed fail with {@code States.IntrinsicFailure}.
 */
public final class IntrinsicFunctions {

    private static final Pattern CALL =
            Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)*\\s*\\(.*\\)", Pattern.DOTALL);

    /** Calls parsed once each: a definition's expressions are few, and a loop evaluates them again and again. */
    private static final ParseCache<Invocation> PARSED = new ParseCache<>();
    private static final ParseCache<Boolean> SHAPES = new ParseCache<>();

    private final RandomGenerator random;

    /** @param random what States.MathRandom without a seed and States.UUID draw from */
    public IntrinsicFunctions(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** True when {@code text}, trimmed, has the shape of a call such as {@code States.Format(...)}. */
    public static boolean isIntrinsic(String text) {
        return text != null && SHAPES.computeIfAbsent(text, t -> CALL.matcher(t.strip()).matches());
    }

    /**
     * The problems AWS would find when the definition is created, each a sentence; empty when
     * there are none. Argument types and values are only known when the call runs.
     */
    public static List<String> validate(String expression) {
        return IntrinsicValidator.problems(expression);
    }

    public JsonNode evaluate(String expression, PathReader paths) {
        Invocation call = PARSED.get(expression);
        if (call == null) {
            try {
                call = IntrinsicParser.parse(expression);
            } catch (IntrinsicSyntaxException e) {
                throw StatesError.INTRINSIC_FAILURE.withCause(e.getMessage());
            }
            PARSED.put(expression, call);
        }
        return evaluate(call, paths);
    }

    private JsonNode evaluate(Invocation call, PathReader paths) {
        StatesFunction function = StatesFunction.named(call.name()).orElseThrow(
                () -> StatesError.INTRINSIC_FAILURE.withCause(call.name() + " is not an intrinsic function."));
        if (!function.accepts(call.arguments().size())) {
            throw StatesError.INTRINSIC_FAILURE.withCause(function.arityProblem(call.arguments().size()));
        }
        List<JsonNode> values = new ArrayList<>(call.arguments().size());
        for (Argument argument : call.arguments()) {
            values.add(value(argument, function, paths));
        }
        Arguments arguments = new Arguments(function, values);
        return switch (function) {
            case FORMAT -> FormatFunction.format(call.arguments().get(0), arguments);
            case STRING_TO_JSON -> JsonFunctions.stringToJson(arguments);
            case JSON_TO_STRING -> JsonFunctions.jsonToString(arguments);
            case ARRAY -> ArrayFunctions.array(arguments);
            case ARRAY_PARTITION -> ArrayFunctions.partition(arguments);
            case ARRAY_CONTAINS -> ArrayFunctions.contains(arguments);
            case ARRAY_RANGE -> ArrayFunctions.range(arguments);
            case ARRAY_GET_ITEM -> ArrayFunctions.getItem(arguments);
            case ARRAY_LENGTH -> ArrayFunctions.length(arguments);
            case ARRAY_UNIQUE -> ArrayFunctions.unique(arguments);
            case BASE64_ENCODE -> Base64Functions.encode(arguments);
            case BASE64_DECODE -> Base64Functions.decode(arguments);
            case HASH -> HashFunction.hash(arguments);
            case JSON_MERGE -> JsonFunctions.merge(arguments);
            case MATH_RANDOM -> MathFunctions.random(arguments, random);
            case MATH_ADD -> MathFunctions.add(arguments);
            case STRING_SPLIT -> StringSplitFunction.split(arguments);
            case UUID -> UuidFunction.uuid(random);
        };
    }

    private JsonNode value(Argument argument, StatesFunction caller, PathReader paths) {
        if (argument instanceof Argument.Text text) {
            return TextNode.valueOf(text.value());
        }
        if (argument instanceof Argument.Literal literal) {
            return literal.value();
        }
        if (argument instanceof Argument.Path path) {
            return read(path.path(), caller, paths);
        }
        return evaluate((Invocation) argument, paths);
    }

    /** A copy, so a result built from the input cannot change the input later. */
    private static JsonNode read(String path, StatesFunction caller, PathReader paths) {
        try {
            return paths.read(path).deepCopy();
        } catch (PathNotFoundException e) {
            throw StatesError.RUNTIME.withCause("The JSONPath '" + path + "' given to " + caller
                    + " could not be found.");
        } catch (IllegalArgumentException e) {
            throw StatesError.INTRINSIC_FAILURE.withCause("The JSONPath '" + path + "' given to " + caller
                    + " is not valid: " + e.getMessage());
        }
    }
}
