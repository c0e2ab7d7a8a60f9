package dev.greenlight.local.asl.intrinsics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per example in AWS's guide, "Intrinsic functions for JSONPath states in Step Functions",
 * and in the Amazon States Language specification (states-language.net, Appendix B): the input,
 * the call and the result they print. States.MathRandom and States.UUID print random values and
 * are tested in {@link RandomIntrinsicsTest}.
 */
class DocumentedExamplesTest {

    /** @param input and {@code expected} are JSON written with single quotes */
    record Example(String source, String input, String expression, String expected) {
        @Override
        public String toString() {
            return source + ": " + expression;
        }
    }

    private final IntrinsicFunctions intrinsics = new IntrinsicFunctions(new SplittableRandom(1));

    static Stream<Example> awsGuide() {
        String nineItems = "{'inputArray': [1,2,3,4,5,6,7,8,9]}";
        return Stream.of(
                new Example("States.Format", "{'name': 'Arnav', 'template': 'Hello, my name is {}.'}",
                        "States.Format('Hello, my name is {}.', $.name)", "'Hello, my name is Arnav.'"),
                new Example("States.Format", "{'name': 'Arnav', 'template': 'Hello, my name is {}.'}",
                        "States.Format($.template, $.name)", "'Hello, my name is Arnav.'"),
                new Example("States.StringToJson", "{'escapedJsonString': '{\\'foo\\': \\'bar\\'}'}",
                        "States.StringToJson($.escapedJsonString)", "{'foo': 'bar'}"),
                // The guide prints {\"foo\": \"bar\"}; AWS writes compact JSON, as the ASL spec's example shows.
                new Example("States.JsonToString", "{'unescapedJson': {'foo': 'bar'}}",
                        "States.JsonToString($.unescapedJson)", "'{\\'foo\\':\\'bar\\'}'"),
                new Example("States.Array", "{'Id': 123456}", "States.Array($.Id)", "[123456]"),
                new Example("States.ArrayPartition", nineItems,
                        "States.ArrayPartition($.inputArray,4)", "[[1,2,3,4], [5,6,7,8], [9]]"),
                new Example("States.ArrayContains", "{'inputArray': [1,2,3,4,5,6,7,8,9], 'lookingFor': 5}",
                        "States.ArrayContains($.inputArray, $.lookingFor)", "true"),
                new Example("States.ArrayRange", "{}", "States.ArrayRange(1, 9, 2)", "[1,3,5,7,9]"),
                new Example("States.ArrayGetItem", "{'inputArray': [1,2,3,4,5,6,7,8,9], 'index': 5}",
                        "States.ArrayGetItem($.inputArray, $.index)", "6"),
                new Example("States.ArrayLength", nineItems, "States.ArrayLength($.inputArray)", "9"),
                new Example("States.ArrayUnique", "{'inputArray': [1,2,3,3,3,3,3,3,4]}",
                        "States.ArrayUnique($.inputArray)", "[1,2,3,4]"),
                new Example("States.Base64Encode", "{'input': 'Data to encode'}",
                        "States.Base64Encode($.input)", "'RGF0YSB0byBlbmNvZGU='"),
                // The guide prints "Decoded data", but its input is the encoding of "Data to encode".
                new Example("States.Base64Decode", "{'base64': 'RGF0YSB0byBlbmNvZGU='}",
                        "States.Base64Decode($.base64)", "'Data to encode'"),
                // The guide prints aaff4a450a104cd177d28d18d7485e8cae074b7, one digit short of this SHA-1.
                new Example("States.Hash", "{'Data': 'input data', 'Algorithm': 'SHA-1'}",
                        "States.Hash($.Data, $.Algorithm)", "'aaff4a450a104cd177d28d18d74485e8cae074b7'"),
                new Example("States.JsonMerge",
                        "{'json1': {'a': {'a1': 1, 'a2': 2}, 'b': 2}, 'json2': {'a': {'a3': 1, 'a4': 2}, 'c': 3}}",
                        "States.JsonMerge($.json1, $.json2, false)", "{'a': {'a3': 1, 'a4': 2}, 'b': 2, 'c': 3}"),
                new Example("States.MathAdd", "{'value1': 111, 'step': -1}",
                        "States.MathAdd($.value1, $.step)", "110"),
                new Example("States.StringSplit", "{'inputString': '1,2,3,4,5', 'splitter': ','}",
                        "States.StringSplit($.inputString, $.splitter)", "['1','2','3','4','5']"),
                new Example("States.StringSplit", "{'inputString': 'This.is+a,test=string', 'splitter': '.+,='}",
                        "States.StringSplit($.inputString, $.splitter)", "['This','is','a','test','string']"));
    }

    static Stream<Example> statesLanguageSpecification() {
        return Stream.of(
                new Example("States.Format", "{'name': 'Foo', 'zebra': 'stripe'}",
                        "States.Format('Your name is {}, we are in the year {}', $.name, 2020)",
                        "'Your name is Foo, we are in the year 2020'"),
                new Example("States.StringToJson", "{'someString': '{\\'number\\': 20}', 'zebra': 'stripe'}",
                        "States.StringToJson($.someString)", "{'number': 20}"),
                new Example("States.JsonToString", "{'someJson': {'name': 'Foo', 'year': 2020}, 'zebra': 'stripe'}",
                        "States.JsonToString($.someJson)", "'{\\'name\\':\\'Foo\\',\\'year\\':2020}'"),
                new Example("States.Array", "{'someJson': {'random': 'abcdefg'}, 'zebra': 'stripe'}",
                        "States.Array('Foo', 2020, $.someJson, null)", "['Foo', 2020, {'random': 'abcdefg'}, null]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"awsGuide", "statesLanguageSpecification"})
    void documentedCall_givesDocumentedResult(Example example) {
        assertThat(intrinsics.evaluate(example.expression(), StatePaths.input(example.input())))
                .isEqualTo(StatePaths.json(example.expected()));
    }
}
