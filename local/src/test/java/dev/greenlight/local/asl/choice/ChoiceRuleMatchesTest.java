package dev.greenlight.local.asl.choice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.StatesException;
import dev.greenlight.local.asl.parse.Problems;
import dev.greenlight.local.asl.query.JsonPaths;
import dev.greenlight.local.asl.query.PathNotFoundException;
import dev.greenlight.local.asl.query.PathReader;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** How parsed rules evaluate against state input. JSON is written with ' for " to keep rows short. */
class ChoiceRuleMatchesTest {

    static Stream<Arguments> rules() {
        return Stream.of(
                // String comparisons
                row("StringEquals matches the same string",
                        "{'Variable':'$.v','StringEquals':'Hello'}", "{'v':'Hello'}", true),
                row("StringEquals is case-sensitive",
                        "{'Variable':'$.v','StringEquals':'Hello'}", "{'v':'hello'}", false),
                row("StringEquals does not collapse white space",
                        "{'Variable':'$.v','StringEquals':' '}", "{'v':'  '}", false),
                row("StringEquals against a number is false, not an error",
                        "{'Variable':'$.v','StringEquals':'1'}", "{'v':1}", false),
                row("StringEqualsPath compares with the value its path selects",
                        "{'Variable':'$.v','StringEqualsPath':'$.w'}", "{'v':'a','w':'a'}", true),
                row("StringEqualsPath is false when its path selects a number",
                        "{'Variable':'$.v','StringEqualsPath':'$.w'}", "{'v':'1','w':1}", false),
                row("StringLessThan puts a prefix first",
                        "{'Variable':'$.v','StringLessThan':'AB'}", "{'v':'A'}", true),
                row("StringLessThan is false for equal strings",
                        "{'Variable':'$.v','StringLessThan':'AB'}", "{'v':'AB'}", false),
                row("StringLessThan orders by code point, not by UTF-16 unit",
                        "{'Variable':'$.v','StringLessThan':'\uD83D\uDE00'}", "{'v':'\uFFFF'}", true),
                row("StringLessThanPath compares with the value its path selects",
                        "{'Variable':'$.v','StringLessThanPath':'$.w'}", "{'v':'a','w':'b'}", true),
                row("StringGreaterThan orders upper case before lower case",
                        "{'Variable':'$.v','StringGreaterThan':'B'}", "{'v':'a'}", true),
                row("StringGreaterThanPath compares with the value its path selects",
                        "{'Variable':'$.v','StringGreaterThanPath':'$.w'}", "{'v':'a','w':'b'}", false),
                row("StringGreaterThanEquals holds for equal strings",
                        "{'Variable':'$.v','StringGreaterThanEquals':''}", "{'v':''}", true),
                row("StringGreaterThanEqualsPath compares with the value its path selects",
                        "{'Variable':'$.v','StringGreaterThanEqualsPath':'$.w'}", "{'v':'A','w':'AB'}", false),
                row("StringLessThanEquals holds for equal strings",
                        "{'Variable':'$.v','StringLessThanEquals':'x'}", "{'v':'x'}", true),
                row("StringLessThanEqualsPath compares with the value its path selects",
                        "{'Variable':'$.v','StringLessThanEqualsPath':'$.w'}", "{'v':'AB','w':'A'}", false),

                // StringMatches
                row("StringMatches lets * match a run of characters",
                        "{'Variable':'$.v','StringMatches':'log-*.txt'}", "{'v':'log-2024-01.txt'}", true),
                row("StringMatches lets * match nothing",
                        "{'Variable':'$.v','StringMatches':'log-*.txt'}", "{'v':'log-.txt'}", true),
                row("StringMatches needs the literals in order",
                        "{'Variable':'$.v','StringMatches':'foo*bar*baz'}", "{'v':'foobazbar'}", false),
                row("StringMatches without * needs the whole string",
                        "{'Variable':'$.v','StringMatches':'foo'}", "{'v':'foobar'}", false),
                row("StringMatches does not let the prefix and suffix overlap",
                        "{'Variable':'$.v','StringMatches':'ab*ba'}", "{'v':'aba'}", false),
                row("StringMatches gives ? no special meaning",
                        "{'Variable':'$.v','StringMatches':'a?c'}", "{'v':'abc'}", false),
                row("StringMatches reads \\* as a literal asterisk",
                        "{'Variable':'$.v','StringMatches':'a\\\\*'}", "{'v':'a*'}", true),
                row("StringMatches does not let \\* act as a wildcard",
                        "{'Variable':'$.v','StringMatches':'a\\\\*'}", "{'v':'abc'}", false),
                row("StringMatches reads \\\\ as a literal backslash, before a wildcard",
                        "{'Variable':'$.v','StringMatches':'C:\\\\\\\\*'}", "{'v':'C:\\\\temp'}", true),
                row("StringMatches against a number is false",
                        "{'Variable':'$.v','StringMatches':'*'}", "{'v':1}", false),

                // Numeric comparisons
                row("NumericEquals holds for 1 and 1.0",
                        "{'Variable':'$.v','NumericEquals':1}", "{'v':1.0}", true),
                row("NumericEquals compares decimals exactly",
                        "{'Variable':'$.v','NumericEquals':0.1}", "{'v':0.10000000000000001}", false),
                row("NumericEquals is exact beyond double precision",
                        "{'Variable':'$.v','NumericEquals':9007199254740993}", "{'v':9007199254740992}", false),
                row("NumericEquals against a numeric string is false",
                        "{'Variable':'$.v','NumericEquals':1}", "{'v':'1'}", false),
                row("NumericEquals against a boolean is false",
                        "{'Variable':'$.v','NumericEquals':1}", "{'v':true}", false),
                row("NumericEqualsPath holds for 2 and 2.00",
                        "{'Variable':'$.v','NumericEqualsPath':'$.w'}", "{'v':2,'w':2.00}", true),
                row("NumericEqualsPath is false when its path selects a string",
                        "{'Variable':'$.v','NumericEqualsPath':'$.w'}", "{'v':2,'w':'2'}", false),
                row("NumericLessThan compares a decimal with an integer",
                        "{'Variable':'$.v','NumericLessThan':2}", "{'v':1.5}", true),
                row("NumericLessThan is false for equal numbers",
                        "{'Variable':'$.v','NumericLessThan':2}", "{'v':2}", false),
                row("NumericLessThanPath compares with the value its path selects",
                        "{'Variable':'$.v','NumericLessThanPath':'$.w'}", "{'v':3,'w':2}", false),
                row("NumericGreaterThan compares negative numbers",
                        "{'Variable':'$.v','NumericGreaterThan':-2}", "{'v':-1}", true),
                row("NumericGreaterThanPath compares with the value its path selects",
                        "{'Variable':'$.v','NumericGreaterThanPath':'$.w'}", "{'v':3,'w':2}", true),
                row("NumericGreaterThanEquals holds for equal numbers",
                        "{'Variable':'$.v','NumericGreaterThanEquals':20}", "{'v':20.0}", true),
                row("NumericGreaterThanEqualsPath compares with the value its path selects",
                        "{'Variable':'$.v','NumericGreaterThanEqualsPath':'$.w'}", "{'v':1,'w':2}", false),
                row("NumericLessThanEquals holds for equal numbers",
                        "{'Variable':'$.v','NumericLessThanEquals':0}", "{'v':0.0}", true),
                row("NumericLessThanEqualsPath compares with the value its path selects",
                        "{'Variable':'$.v','NumericLessThanEqualsPath':'$.w'}", "{'v':1,'w':2}", true),

                // BooleanEquals
                row("BooleanEquals matches the same boolean",
                        "{'Variable':'$.v','BooleanEquals':true}", "{'v':true}", true),
                row("BooleanEquals is false for the other boolean",
                        "{'Variable':'$.v','BooleanEquals':true}", "{'v':false}", false),
                row("BooleanEquals against the string true is false",
                        "{'Variable':'$.v','BooleanEquals':true}", "{'v':'true'}", false),
                row("BooleanEqualsPath compares with the value its path selects",
                        "{'Variable':'$.v','BooleanEqualsPath':'$.w'}", "{'v':false,'w':false}", true),
                row("BooleanEqualsPath is false when its path selects a string",
                        "{'Variable':'$.v','BooleanEqualsPath':'$.w'}", "{'v':true,'w':'true'}", false),

                // Timestamp comparisons
                row("TimestampEquals compares instants across zones",
                        "{'Variable':'$.v','TimestampEquals':'2016-03-14T01:59:00Z'}",
                        "{'v':'2016-03-14T02:59:00+01:00'}", true),
                row("TimestampEquals ignores a zero fraction of a second",
                        "{'Variable':'$.v','TimestampEquals':'2016-03-14T01:59:00Z'}",
                        "{'v':'2016-03-14T01:59:00.000Z'}", true),
                row("TimestampEquals is false for a date without a time",
                        "{'Variable':'$.v','TimestampEquals':'2016-03-14T00:00:00Z'}", "{'v':'2016-03-14'}", false),
                row("TimestampEquals is false for a time without a zone",
                        "{'Variable':'$.v','TimestampEquals':'2016-03-14T01:59:00Z'}",
                        "{'v':'2016-03-14T01:59:00'}", false),
                row("TimestampEquals is false for a lower-case t and z",
                        "{'Variable':'$.v','TimestampEquals':'2016-03-14T01:59:00Z'}",
                        "{'v':'2016-03-14t01:59:00z'}", false),
                row("TimestampEquals against a number is false",
                        "{'Variable':'$.v','TimestampEquals':'2016-03-14T01:59:00Z'}", "{'v':1457920740}", false),
                row("TimestampEqualsPath compares with the value its path selects",
                        "{'Variable':'$.v','TimestampEqualsPath':'$.w'}",
                        "{'v':'2016-03-14T01:59:00Z','w':'2016-03-13T20:59:00-05:00'}", true),
                row("TimestampLessThan compares instants, not text",
                        "{'Variable':'$.v','TimestampLessThan':'2016-03-14T01:00:00Z'}",
                        "{'v':'2016-03-14T01:30:00+01:00'}", true),
                row("TimestampLessThanPath compares with the value its path selects",
                        "{'Variable':'$.v','TimestampLessThanPath':'$.w'}",
                        "{'v':'2016-03-14T01:59:01Z','w':'2016-03-14T01:59:00Z'}", false),
                row("TimestampGreaterThan sees fractions of a second",
                        "{'Variable':'$.v','TimestampGreaterThan':'2016-03-14T01:59:00Z'}",
                        "{'v':'2016-03-14T01:59:00.001Z'}", true),
                row("TimestampGreaterThanPath compares with the value its path selects",
                        "{'Variable':'$.v','TimestampGreaterThanPath':'$.w'}",
                        "{'v':'2016-03-14T01:59:00Z','w':'2016-03-14T01:59:01Z'}", false),
                row("TimestampGreaterThanEquals holds for the same instant",
                        "{'Variable':'$.v','TimestampGreaterThanEquals':'2016-03-14T01:59:00Z'}",
                        "{'v':'2016-03-14T01:59:00Z'}", true),
                row("TimestampGreaterThanEqualsPath compares with the value its path selects",
                        "{'Variable':'$.v','TimestampGreaterThanEqualsPath':'$.w'}",
                        "{'v':'2016-03-14T01:59:00Z','w':'2016-03-14T01:59:01Z'}", false),
                row("TimestampLessThanEquals holds for the same instant",
                        "{'Variable':'$.v','TimestampLessThanEquals':'2016-03-14T01:59:00Z'}",
                        "{'v':'2016-03-14T01:59:00Z'}", true),
                row("TimestampLessThanEqualsPath compares with the value its path selects",
                        "{'Variable':'$.v','TimestampLessThanEqualsPath':'$.w'}",
                        "{'v':'2016-03-14T01:59:00Z','w':'2016-03-14T01:59:01Z'}", true),

                // Type tests
                row("IsNull true holds for null", "{'Variable':'$.v','IsNull':true}", "{'v':null}", true),
                row("IsNull true is false for a string", "{'Variable':'$.v','IsNull':true}", "{'v':'null'}", false),
                row("IsNull false holds for a string", "{'Variable':'$.v','IsNull':false}", "{'v':'x'}", true),
                row("IsNumeric holds for a decimal", "{'Variable':'$.v','IsNumeric':true}", "{'v':1.5}", true),
                row("IsNumeric is false for a numeric string",
                        "{'Variable':'$.v','IsNumeric':true}", "{'v':'1.5'}", false),
                row("IsString holds for the empty string", "{'Variable':'$.v','IsString':true}", "{'v':''}", true),
                row("IsString is false for null", "{'Variable':'$.v','IsString':true}", "{'v':null}", false),
                row("IsBoolean holds for false", "{'Variable':'$.v','IsBoolean':true}", "{'v':false}", true),
                row("IsBoolean false holds for the string false",
                        "{'Variable':'$.v','IsBoolean':false}", "{'v':'false'}", true),
                row("IsTimestamp holds for an RFC 3339 timestamp with an offset",
                        "{'Variable':'$.v','IsTimestamp':true}", "{'v':'2012-10-09T19:00:55+01:00'}", true),
                row("IsTimestamp is false for a timestamp without a zone",
                        "{'Variable':'$.v','IsTimestamp':true}", "{'v':'2012-10-09T19:00:55'}", false),
                row("IsTimestamp false holds for a number",
                        "{'Variable':'$.v','IsTimestamp':false}", "{'v':1}", true),
                row("IsPresent holds for a null value", "{'Variable':'$.v','IsPresent':true}", "{'v':null}", true),
                row("IsPresent is false, not an error, when the path selects nothing",
                        "{'Variable':'$.v','IsPresent':true}", "{}", false),
                row("IsPresent false holds when the path selects nothing",
                        "{'Variable':'$.v.w','IsPresent':false}", "{'v':{}}", true),

                // Boolean expressions
                row("And holds when every rule holds",
                        "{'And':[{'Variable':'$.v','IsNumeric':true},{'Variable':'$.v','NumericLessThan':30}]}",
                        "{'v':22}", true),
                row("And is false when one rule fails",
                        "{'And':[{'Variable':'$.v','IsNumeric':true},{'Variable':'$.v','NumericLessThan':30}]}",
                        "{'v':31}", false),
                row("And stops at the first false rule, so a later missing path is no error",
                        "{'And':[{'Variable':'$.v','IsPresent':true},{'Variable':'$.v','StringEquals':'x'}]}",
                        "{}", false),
                row("Or holds when one rule holds",
                        "{'Or':[{'Variable':'$.v','StringEquals':'a'},{'Variable':'$.v','StringEquals':'b'}]}",
                        "{'v':'b'}", true),
                row("Or is false when no rule holds",
                        "{'Or':[{'Variable':'$.v','StringEquals':'a'},{'Variable':'$.v','StringEquals':'b'}]}",
                        "{'v':'c'}", false),
                row("Or stops at the first true rule, so a later missing path is no error",
                        "{'Or':[{'Variable':'$.v','IsNull':true},{'Variable':'$.w','IsNull':true}]}",
                        "{'v':null}", true),
                row("Not inverts its rule",
                        "{'Not':{'Variable':'$.type','StringEquals':'Private'}}", "{'type':'Public'}", true),
                row("Not of Not restores its rule",
                        "{'Not':{'Not':{'Variable':'$.type','StringEquals':'Private'}}}", "{'type':'Public'}", false),
                row("Not, And and Or nest",
                        "{'Not':{'And':[{'Or':[{'Variable':'$.a','BooleanEquals':true},"
                                + "{'Variable':'$.b','BooleanEquals':true}]},{'Variable':'$.c','IsNull':false}]}}",
                        "{'a':false,'b':true,'c':1}", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void ruleMatchesInput(String behaviour, String rule, String input, boolean expected) {
        assertThat(parse(rule).matches(reading(json(input)))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            a comparison on a missing Variable                | {'Variable':'$.v','StringEquals':'x'}         | {}              | $.v
            a type test on a missing Variable                 | {'Variable':'$.v','IsNull':true}              | {}              | $.v
            StringMatches on a missing Variable               | {'Variable':'$.v.w','StringMatches':'*'}      | {'v':1}         | $.v.w
            a comparison whose Path selects nothing           | {'Variable':'$.v','NumericEqualsPath':'$.w'}  | {'v':1}         | $.w
            a comparison missing both, reported for Variable  | {'Variable':'$.v','NumericEqualsPath':'$.w'}  | {}              | $.v
            a missing Variable under Not                      | {'Not':{'Variable':'$.v','IsBoolean':true}}   | {}              | $.v
            a missing Variable after a true rule under And    | {'And':[{'Variable':'$.a','IsNull':true},{'Variable':'$.v','IsNull':true}]} | {'a':null} | $.v
            """)
    void pathThatSelectsNothing_failsWithStatesRuntime(String behaviour, String rule, String input, String path) {
        var failure = catchThrowableOfType(StatesException.class, () -> parse(rule).matches(reading(json(input))));

        assertThat(failure.error()).isEqualTo("States.Runtime");
        assertThat(failure.cause())
                .isEqualTo("Invalid path '" + path + "': The choice state's condition path references an invalid value.");
    }

    @Test
    void contextAndVariablePaths_areReadThroughThePathReader() {
        Map<String, JsonNode> values = Map.of(
                "$$.Execution.Name", Json.NODES.textNode("deploy-42"),
                "$release.execution", Json.NODES.textNode("deploy-42"));
        PathReader paths = path -> {
            JsonNode value = values.get(path);
            if (value == null) {
                throw new PathNotFoundException(path);
            }
            return value;
        };

        var rule = parse("{'Variable':'$$.Execution.Name','StringEqualsPath':'$release.execution'}");

        assertThat(rule.matches(paths)).isTrue();
    }

    private static Arguments row(String behaviour, String rule, String input, boolean expected) {
        return arguments(behaviour, rule, input, expected);
    }

    private static ChoiceRule parse(String rule) {
        var problems = new Problems();
        var parsed = ChoiceRuleParser.parse(json(rule), false, problems);
        assertThat(problems.all()).as("problems of %s", rule).isEmpty();
        return parsed;
    }

    private static PathReader reading(JsonNode input) {
        return path -> JsonPaths.read(input, path);
    }

    static JsonNode json(String singleQuoted) {
        return Json.parse(singleQuoted.replace('\'', '"'));
    }
}
