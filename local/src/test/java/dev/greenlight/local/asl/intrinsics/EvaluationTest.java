package dev.greenlight.local.asl.intrinsics;

import static dev.greenlight.local.asl.intrinsics.StatePaths.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.greenlight.local.asl.Json;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Behaviour beyond the guide's examples: argument syntax, Paths into the context object and
 * variables, and what AWS answers where the guide is silent (as recorded against AWS by LocalStack's
 * snapshot tests and by other emulators' conformance suites).
 */
class EvaluationTest {

    private static final StatePaths STATE = new StatePaths(
            json("{'nil': null, 'bool': false, 'n': -1, 'f': 1.1, 'obj': {'Arg1': 1, 'Arg2': []},"
                    + " 'list': ['a', 1, null], 'name': 'Gabriel', 'items': [{'k': 1}, {'k': 2}, {'k': 1}],"
                    + " 'wanted': {'k': 2}}"),
            json("{'Execution': {'Id': 'arn:aws:states:us-east-1:123456789012:execution:deploy:run-1'},"
                    + " 'State': {'Name': 'Build'}}"),
            Map.of("user", json("{'name': 'Ada', 'roles': ['admin']}")));

    record Case(String behaviour, String expression, JsonNode expected) {
        @Override
        public String toString() {
            return behaviour + ": " + expression;
        }
    }

    private final IntrinsicFunctions intrinsics = new IntrinsicFunctions(new SplittableRandom(1));

    private static Case row(String behaviour, String expression, String expectedJson) {
        return new Case(behaviour, expression, json(expectedJson));
    }

    private static Case text(String behaviour, String expression, String expected) {
        return new Case(behaviour, expression, TextNode.valueOf(expected));
    }

    static Stream<Case> cases() {
        return Stream.of(
                text("Format writes null, booleans and numbers as JSON and objects as AWS's Java maps",
                        "States.Format('{}|{}|{}|{}|{}', $.nil, $.bool, $.n, $.f, $.obj)", "null|false|-1|1.1|{Arg1=1, Arg2=[]}"),
                text("Format writes arrays as AWS's Java lists", "States.Format('{}', $.list)", "[a, 1, null]"),
                text("escaped braces are text, not a placeholder", "States.Format('\\{\\} is {}', $.name)", "{} is Gabriel"),
                text("escaped quotes are quotes", "States.Format('Name: \\'{}\\'', $.name)", "Name: 'Gabriel'"),
                text("an escaped backslash is one backslash", "States.Format('C:\\\\temp\\\\{}', $.name)", "C:\\temp\\Gabriel"),
                text("a context object path and a variable path are read",
                        "States.Format('{} by {}', $$.State.Name, $user.name)", "Build by Ada"),
                text("calls nest", "States.ArrayGetItem(States.StringSplit($$.Execution.Id, ':'), 3)", "us-east-1"),
                text("a nested call's result is formatted", "States.Format('id={}', States.ArrayLength($user.roles))", "id=1"),
                row("braces outside States.Format need no escape", "States.StringToJson('{\"a\": [1, 2]}')", "{'a': [1, 2]}"),
                row("numbers, booleans, null and strings are literals",
                        "States.Array(42, true, null, 'hello', -1.5, 0, 2e3)", "[42, true, null, 'hello', -1.5, 0, 2e3]"),
                row("spaces between arguments are ignored", "States.Array( $.n , $.bool )", "[-1, false]"),
                row("MathAdd of integers is an integer", "States.MathAdd(1, 2)", "3"),
                row("MathAdd rounds halves up: 1.49 + 1.50 is 1 + 2", "States.MathAdd(1.49, 1.50)", "3"),
                row("MathAdd rounds 2.5 to 3", "States.MathAdd(2.5, 0)", "3"),
                row("MathAdd rounds -2.5 to -2, as Java's Math.round does", "States.MathAdd(-2.5, 0)", "-2"),
                row("MathAdd keeps a sum past 32 bits exact", "States.MathAdd(2147483647, 1)", "2147483648"),
                row("ArrayRange counts down with a negative step", "States.ArrayRange(5, 1, -2)", "[5, 3, 1]"),
                row("ArrayRange with a step away from the end is empty", "States.ArrayRange(5, 1, 1)", "[]"),
                row("ArrayRange from a number to itself holds it", "States.ArrayRange(3, 3, -1)", "[3]"),
                row("ArrayRange of exactly 1000 items is allowed", "States.ArrayLength(States.ArrayRange(1, 1000, 1))", "1000"),
                row("ArrayPartition of an empty array is empty", "States.ArrayPartition(States.Array(), 2)", "[]"),
                row("ArrayPartition rounds the chunk size", "States.ArrayPartition(States.Array(1, 2, 3), 1.6)", "[[1, 2], [3]]"),
                row("ArrayContains compares objects by value", "States.ArrayContains($.items, $.wanted)", "true"),
                row("ArrayContains is false for a missing value", "States.ArrayContains($.items, 'k')", "false"),
                row("ArrayUnique keeps the first of equal objects", "States.ArrayUnique($.items)", "[{'k': 1}, {'k': 2}]"),
                row("ArrayGetItem returns a null item", "States.ArrayGetItem($.list, 2)", "null"),
                row("StringSplit drops empty pieces", "States.StringSplit(',a,,b,', ',')", "['a', 'b']"),
                row("StringSplit splits on a newline", "States.StringSplit('Hello\nWorld', '\n')", "['Hello', 'World']"),
                row("StringToJson of a blank string is null", "States.StringToJson(' ')", "null"),
                row("JsonToString of the whole context object", "States.JsonToString($$.State)", "'{\\'Name\\':\\'Build\\'}'"),
                text("Base64Encode encodes UTF-8", "States.Base64Encode('\u2713')", "4pyT"),
                text("Base64Decode decodes UTF-8", "States.Base64Decode('4pyT')", "\u2713"),
                text("Base64Decode accepts missing padding", "States.Base64Decode('YWJjZA')", "abcd"),
                text("Base64Decode ignores surrounding spaces", "States.Base64Decode(' YWJjZA== ')", "abcd"),
                text("Hash with MD5", "States.Hash('hello', 'MD5')", "5d41402abc4b2a76b9719d911017c592"),
                text("Hash with SHA-256", "States.Hash('hello', 'SHA-256')",
                        "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"),
                text("Hash with SHA-384", "States.Hash('hello', 'SHA-384')",
                        "59e1748777448c69de6b800d7a33bbfb9ff1b463e44354c3553bcdb9c666fa90125a3c79f90397bdf5f6a13de828684f"),
                text("Hash with SHA-512", "States.Hash('hello', 'SHA-512')",
                        "9b71d224bd62f3785d96d46ad3ea3d73319bfbc2890caadae2dff72519673ca7"
                                + "2323c3d99ba5c11d7c7acc6e14b8c5da0c4663475c2e5c3adef46f73bcdec043"),
                text("Hash of a nested Format", "States.Hash(States.Format('{}:{}', 'x', 'y'), 'SHA-256')",
                        "1274e286686b54fe765ec40735665b4bf789cee2a5b22124c5e0491a88e15271"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void call_givesTheResultAwsGives(Case example) {
        assertThat(intrinsics.evaluate(example.expression(), STATE)).isEqualTo(example.expected());
    }

    @Test
    void mathAdd_ofIntegers_staysIntegralInTheJsonItWrites() {
        assertThat(Json.write(intrinsics.evaluate("States.MathAdd(1, 2)", STATE))).isEqualTo("3");
    }

    @Test
    void stringToJson_ofAnEmptyString_isNull() {
        assertThat(intrinsics.evaluate("States.StringToJson('')", STATE)).isEqualTo(NullNode.getInstance());
    }

    @Test
    void base64AndHash_acceptTenThousandCharacters() {
        StatePaths longText = new StatePaths(
                Json.NODES.objectNode().put("plain", "a".repeat(10_000)).put("encoded", "QUJD".repeat(2_500)),
                Json.NODES.objectNode(), Map.of());
        assertThat(intrinsics.evaluate("States.Base64Encode($.plain)", longText).textValue()).hasSize(13_336);
        assertThat(intrinsics.evaluate("States.Base64Decode($.encoded)", longText).textValue())
                .isEqualTo("ABC".repeat(2_500));
        assertThat(intrinsics.evaluate("States.Hash($.plain, 'SHA-256')", longText).textValue()).hasSize(64);
    }

    @Test
    void results_builtFromTheInput_doNotShareItsNodes() {
        StatePaths state = StatePaths.input("{'obj': {'k': 1}}");
        ArrayNode array = (ArrayNode) intrinsics.evaluate("States.Array($.obj)", state);
        ((ObjectNode) array.get(0)).put("k", 2);
        assertThat(state.input()).isEqualTo(json("{'obj': {'k': 1}}"));
    }
}
