package dev.greenlight.local.asl.intrinsics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What a definition's intrinsic calls are checked for when it loads, before any input exists. */
class ValidationTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "States.Format('Hello, my name is {}.', $.name)",
            "States.Format($.template, $.name)",
            "States.Format('\\{\\} {}', $.name)",
            "States.Array()",
            "States.Array( $.a , $.b )",
            "States.Array(42, true, false, null, 'text', -1.5, 2e3)",
            "States.Array($, $$, $$.Execution.Id, $user, $user.name, $user.roles[0])",
            "States.Array($.abc.['def ghi'], $.items[?(@.k == 'a,b')], $['x'])",
            "States.MathRandom(1, 999)",
            "States.MathRandom(1, 999, 7)",
            "States.UUID()",
            "  States.JsonMerge($.json1, $.json2, false)  ",
            "States.Format('{}.{}', States.ArrayGetItem(States.StringSplit(States.ArrayGetItem("
                    + "States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 0), States.ArrayGetItem(States.StringSplit("
                    + "States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 1))"
    })
    void wellFormedCall_hasNoProblems(String expression) {
        assertThat(IntrinsicFunctions.validate(expression)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            States.Compare($.a, $.b)                 | States.Compare is not an intrinsic function.
            States.Array(States.Bogus())             | States.Bogus is not an intrinsic function.
            States.ArrayRange(1, 5)                  | States.ArrayRange takes 3 arguments, but 2 were given.
            States.Base64Encode('a', 'b')            | States.Base64Encode takes 1 argument, but 2 were given.
            States.MathRandom(1)                     | States.MathRandom takes 2 or 3 arguments, but 1 was given.
            States.Format()                          | States.Format takes at least 1 argument, but 0 were given.
            States.UUID(1)                           | States.UUID takes no arguments, but 1 was given.
            States.Format('{} {}', $.a)              | In States.Format, the template has 2 {} placeholders, but 1 value follows it.
            States.Format('}')                       | In States.Format, the template has a '}' at position 0 that is not part of a {} placeholder; write \\} for the character itself.
            States.Array($.)                         | '$.' given to States.Array is not a valid JSONPath.
            States.Array($$.)                        | '$$.' given to States.Array is not a valid JSONPath.
            States.Array($user..)                    | '$user..' given to States.Array is not a valid JSONPath.
            States.Array(                            | Expected an argument at position 13 but found the end of the expression.
            States.Array($.a $.b)                    | Expected ',' or ')' at position 17 but found $.b.
            States.Array(1.)                         | Unexpected character '.' at position 14.
            States.Array(.5)                         | Unexpected character '.' at position 13.
            States.Array(foo)                        | 'foo' at position 13 is not an argument; write a string in single quotes, a number, true, false, null, a Path or a function call.
            States.Array('abc                        | The string starting at position 13 has no closing quote.
            States.Array('a\\x')                     | The backslash at position 15 escapes nothing; only \\', \\{, \\} and \\\\ are escapes.
            States.Array($.a) trailing               | Expected the end of the expression at position 18 but found trailing.
            $.a                                      | Expected a function name such as States.Format at position 0 but found $.a.
            """)
    void malformedCall_hasTheProblemNamed(String expression, String problem) {
        assertThat(IntrinsicFunctions.validate(expression)).containsExactly(problem);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = "States.Array(States.Hash('a'), $.)")
    void everyProblemInACall_isReported(String expression) {
        assertThat(IntrinsicFunctions.validate(expression)).containsExactly(
                "States.Hash takes 2 arguments, but 1 was given.",
                "'$.' given to States.Array is not a valid JSONPath.");
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            States.Format('{}', $.a)       | true
            "  States.UUID()  "            | true
            States.Bogus(1)                | true
            $.a                            | false
            $$.Execution.Id                | false
            States.UUID                    | false
            Hello (world                   | false
            ""                             | false
            """)
    void isIntrinsic_recognisesTheShapeOfACall(String text, boolean expected) {
        assertThat(IntrinsicFunctions.isIntrinsic(text)).isEqualTo(expected);
    }
}
