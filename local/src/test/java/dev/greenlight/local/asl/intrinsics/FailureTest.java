package dev.greenlight.local.asl.intrinsics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.StatesException;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Calls that fail. Arguments a function cannot use give States.Runtime, as AWS reports them, with
 * a cause that starts as AWS's does ("Invalid arguments in States.X"); a Path that selects nothing
 * gives States.Runtime too, naming the Path.
 */
class FailureTest {

    private static final String RUNTIME = "States.Runtime";
    private static final String INTRINSIC_FAILURE = "States.IntrinsicFailure";

    private static final StatePaths STATE = new StatePaths(
            Json.NODES.objectNode()
                    .put("a", "x").put("number", 123).put("tooLong", "a".repeat(10_001)).putNull("nil")
                    .set("obj", Json.NODES.objectNode()),
            Json.NODES.objectNode(),
            Map.of());

    record Case(String behaviour, String expression, String error, String cause) {
        @Override
        public String toString() {
            return behaviour + ": " + expression;
        }
    }

    private static Case invalid(String behaviour, String expression, String cause) {
        return new Case(behaviour, expression, RUNTIME, cause);
    }

    /** A call the definition check would have refused: not a usable call at all. */
    private static Case unusable(String behaviour, String expression, String cause) {
        return new Case(behaviour, expression, INTRINSIC_FAILURE, cause);
    }

    static Stream<Case> cases() {
        return Stream.of(
                invalid("Format with fewer values than placeholders", "States.Format('{} {}', $.a)",
                        "Invalid arguments in States.Format: the template has 2 {} placeholders, but 1 value follows it."),
                invalid("Format with more values than placeholders", "States.Format('{}', $.a, $.a)",
                        "Invalid arguments in States.Format: the template has 1 {} placeholder, but 2 values follow it."),
                invalid("Format with a lone brace in its template", "States.Format('Hello {', $.a)",
                        "Invalid arguments in States.Format: the template has a '{' at position 6 that is not part"
                                + " of a {} placeholder; write \\{ for the character itself."),
                invalid("Format with a template that is not a string", "States.Format($.number, $.a)",
                        "Invalid arguments in States.Format: the template must be a string, but it is the number 123."),
                invalid("StringToJson of text that is not JSON", "States.StringToJson('{nope')",
                        "Invalid arguments in States.StringToJson: the string is not JSON text."),
                invalid("StringToJson of a number", "States.StringToJson(5)",
                        "Invalid arguments in States.StringToJson: the argument must be a string, but it is the number 5."),
                invalid("ArrayPartition of a string", "States.ArrayPartition($.a, 2)",
                        "Invalid arguments in States.ArrayPartition: the array to partition must be an array,"
                                + " but it is the string \"x\"."),
                invalid("ArrayPartition with a chunk size that rounds to 0", "States.ArrayPartition(States.Array(1), 0.49)",
                        "Invalid arguments in States.ArrayPartition: the chunk size must be a positive integer, but it is 0."),
                invalid("ArrayRange with a zero step", "States.ArrayRange(1, 10, 0)",
                        "Invalid arguments in States.ArrayRange: the step must not be zero."),
                invalid("ArrayRange of 1001 items", "States.ArrayRange(1, 1001, 1)",
                        "Invalid arguments in States.ArrayRange: the range would hold 1001 items, but an array"
                                + " can't contain more than 1000."),
                invalid("ArrayRange of 1001 items counting down", "States.ArrayRange(1001, 1, -1)",
                        "Invalid arguments in States.ArrayRange: the range would hold 1001 items, but an array"
                                + " can't contain more than 1000."),
                invalid("ArrayRange from a string", "States.ArrayRange('a', 5, 1)",
                        "Invalid arguments in States.ArrayRange: the first element must be a number, but it is"
                                + " the string \"a\"."),
                invalid("ArrayGetItem at the array's length", "States.ArrayGetItem(States.Array(10, 20, 30), 3)",
                        "Invalid arguments in States.ArrayGetItem: the index 3 is outside the array, which has 3 items."),
                invalid("ArrayGetItem at a negative index", "States.ArrayGetItem(States.Array(10), -1)",
                        "Invalid arguments in States.ArrayGetItem: the index -1 is outside the array, which has 1 item."),
                invalid("ArrayGetItem with a string index", "States.ArrayGetItem(States.Array(10), '0')",
                        "Invalid arguments in States.ArrayGetItem: the index must be a number, but it is the string \"0\"."),
                invalid("ArrayLength of an object", "States.ArrayLength($.obj)",
                        "Invalid arguments in States.ArrayLength: the array must be an array, but it is an object."),
                invalid("ArrayUnique of null", "States.ArrayUnique($.nil)",
                        "Invalid arguments in States.ArrayUnique: the array must be an array, but it is null."),
                invalid("ArrayContains in a number", "States.ArrayContains(1, 1)",
                        "Invalid arguments in States.ArrayContains: the array to search must be an array, but it is"
                                + " the number 1."),
                invalid("Base64Encode of 10,001 characters", "States.Base64Encode($.tooLong)",
                        "Invalid arguments in States.Base64Encode: the data to encode has 10001 characters, but at most"
                                + " 10000 are allowed."),
                invalid("Base64Encode of a number", "States.Base64Encode(123)",
                        "Invalid arguments in States.Base64Encode: the data to encode must be a string, but it is"
                                + " the number 123."),
                invalid("Base64Decode of 10,001 characters", "States.Base64Decode($.tooLong)",
                        "Invalid arguments in States.Base64Decode: the data to decode has 10001 characters, but at most"
                                + " 10000 are allowed."),
                invalid("Base64Decode of padding inside the data", "States.Base64Decode('ab==cd')",
                        "Invalid arguments in States.Base64Decode: the data to decode is not Base64."),
                invalid("Hash of 10,001 characters", "States.Hash($.tooLong, 'SHA-256')",
                        "Invalid arguments in States.Hash: the data to hash has 10001 characters, but at most 10000"
                                + " are allowed."),
                invalid("Hash with an algorithm AWS does not offer", "States.Hash('data', 'SHA-224')",
                        "Invalid arguments in States.Hash: the hashing algorithm must be one of MD5, SHA-1, SHA-256,"
                                + " SHA-384, SHA-512, but it is \"SHA-224\"."),
                invalid("Hash with an algorithm name in lower case", "States.Hash('data', 'sha-256')",
                        "Invalid arguments in States.Hash: the hashing algorithm must be one of MD5, SHA-1, SHA-256,"
                                + " SHA-384, SHA-512, but it is \"sha-256\"."),
                invalid("Hash with a number for the algorithm", "States.Hash('data', 256)",
                        "Invalid arguments in States.Hash: the hashing algorithm must be a string, but it is the number 256."),
                invalid("JsonMerge in deep mode", "States.JsonMerge($.obj, $.obj, true)",
                        "Invalid arguments in States.JsonMerge: Step Functions only supports the shallow merging mode,"
                                + " so the third argument must be false."),
                invalid("JsonMerge of a string", "States.JsonMerge($.a, $.obj, false)",
                        "Invalid arguments in States.JsonMerge: the first object must be a JSON object, but it is"
                                + " the string \"x\"."),
                invalid("JsonMerge with a string for the mode", "States.JsonMerge($.obj, $.obj, 'false')",
                        "Invalid arguments in States.JsonMerge: the deep merging mode must be true or false, but it is"
                                + " the string \"false\"."),
                invalid("MathRandom with equal bounds", "States.MathRandom(1, 1)",
                        "Invalid arguments in States.MathRandom: the start number must be less than the end number,"
                                + " but they are 1 and 1."),
                invalid("MathRandom with reversed bounds", "States.MathRandom(10, 5)",
                        "Invalid arguments in States.MathRandom: the start number must be less than the end number,"
                                + " but they are 10 and 5."),
                invalid("MathRandom with a null seed", "States.MathRandom(1, 10, null)",
                        "Invalid arguments in States.MathRandom: the seed must be a number, but it is null."),
                invalid("MathAdd of a string", "States.MathAdd(1, 'NOT A NUMBER')",
                        "Invalid arguments in States.MathAdd: the second number must be a number, but it is the string"
                                + " \"NOT A NUMBER\"."),
                invalid("MathAdd past the documented 32-bit range", "States.MathAdd(2147483648, 0)",
                        "Invalid arguments in States.MathAdd: the first number must be between -2147483648 and"
                                + " 2147483647, but it is 2147483648."),
                invalid("StringSplit of a number", "States.StringSplit(5, ',')",
                        "Invalid arguments in States.StringSplit: the string to split must be a string, but it is"
                                + " the number 5."),
                unusable("a call with the wrong number of arguments", "States.Hash('hello')",
                        "States.Hash takes 2 arguments, but 1 was given."),
                unusable("a call to an unknown function", "States.Compare($.a, $.a)",
                        "States.Compare is not an intrinsic function."),
                unusable("a call that does not parse", "States.Array(",
                        "Expected an argument at position 13 but found the end of the expression."),
                new Case("a missing input path", "States.Hash($.missing, 'SHA-256')", RUNTIME,
                        "The JSONPath '$.missing' given to States.Hash could not be found."),
                new Case("a missing context path", "States.Format('{}', $$.Execution.Id)", RUNTIME,
                        "The JSONPath '$$.Execution.Id' given to States.Format could not be found."),
                new Case("a missing variable", "States.Array($undeclared.x)", RUNTIME,
                        "The JSONPath '$undeclared.x' given to States.Array could not be found."));
    }

    private final IntrinsicFunctions intrinsics = new IntrinsicFunctions(new SplittableRandom(1));

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void call_failsWithTheNamedErrorAndCause(Case failure) {
        assertThatThrownBy(() -> intrinsics.evaluate(failure.expression(), STATE))
                .isInstanceOfSatisfying(StatesException.class, e -> {
                    assertThat(e.error()).isEqualTo(failure.error());
                    assertThat(e.cause()).isEqualTo(failure.cause());
                });
    }
}
