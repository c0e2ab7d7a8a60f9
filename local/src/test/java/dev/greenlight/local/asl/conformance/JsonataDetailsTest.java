package dev.greenlight.local.asl.conformance;

import static dev.greenlight.local.asl.conformance.Runs.json;
import static dev.greenlight.local.asl.conformance.Runs.run;
import static dev.greenlight.local.asl.conformance.Runs.single;
import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.local.asl.eval.Execution;
import dev.greenlight.local.asl.eval.ExecutionStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Details of JSONata states and of where a definition may carry a Comment (guide, "Transforming
 * data with JSONata": a string is an expression when it starts with {@code {%} and ends with
 * {@code %}}, anything else is a literal; "Choice workflow state": Condition is a JSONata
 * expression, which may be a constant; the ASL: Comment is a human-readable description allowed on
 * the machine, its states, Choice rules, retriers, catchers, and branch and processor definitions).
 */
class JsonataDetailsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "'{% $states.input.a %}'                    | 1",
        "'{%$states.input.a%}'                      | 1",
        "' {% $states.input.a %} '                  | ' {% $states.input.a %} '",
        "'{% $states.input.a %} '                   | '{% $states.input.a %} '",
        "' {% $states.input.a %}'                   | ' {% $states.input.a %}'",
        "'$states.input'                            | '$states.input'",
        "'States.Format(`{}`, $.a)'                 | 'States.Format(`{}`, $.a)'",
        "{'list': ['{% 1 + 1 %}', ' {% 1 %}']}      | {'list': [2, ' {% 1 %}']}",
    })
    void onlyAStringThatBeginsAndEndsWithTheDelimitersIsAnExpression(String output, String expected) {
        Execution execution = run(single("JSONata", "'Type': 'Pass', 'Output': " + output), "{'a': 1}");

        assertThat(execution.status()).as("%s: %s", execution.error(), execution.cause())
                .isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(execution.output()).isEqualTo(json(expected));
    }

    @ParameterizedTest(name = "Condition {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "{% true %}  | 'yes'",
        "{% false %} | 'no'",
    })
    void constantConditionIsValid(String condition, String expected) {
        String definition = "{'QueryLanguage': 'JSONata', 'StartAt': 'C', 'States': {'C': {'Type': 'Choice', "
                + "'Choices': [{'Condition': '" + condition + "', 'Next': 'Yes'}], 'Default': 'No'}, "
                + "'Yes': {'Type': 'Pass', 'Output': 'yes', 'End': true}, "
                + "'No': {'Type': 'Pass', 'Output': 'no', 'End': true}}}";

        assertThat(run(definition, "{}").output()).isEqualTo(json(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "machine                | {'Comment': 'c', 'StartAt': 'P', 'States': {'P': {'Type': 'Pass', 'Comment': 'c', 'End': true}}}",
        "JSONPath Choice rules  | {'StartAt': 'C', 'States': {'C': {'Type': 'Choice', 'Choices': [{'Comment': 'c', 'Not': {'Comment': 'n', 'Variable': '$.a', 'IsPresent': false}, 'Next': 'P'}, {'Comment': 'c', 'And': [{'Comment': 'x', 'Variable': '$.a', 'NumericEquals': 1}], 'Next': 'P'}], 'Default': 'P'}, 'P': {'Type': 'Pass', 'End': true}}}",
        "JSONata Choice rule    | {'QueryLanguage': 'JSONata', 'StartAt': 'C', 'States': {'C': {'Type': 'Choice', 'Choices': [{'Comment': 'c', 'Condition': '{% true %}', 'Next': 'P'}], 'Default': 'P'}, 'P': {'Type': 'Pass', 'End': true}}}",
        "branches and handlers  | {'StartAt': 'P', 'States': {'P': {'Type': 'Parallel', 'Branches': [{'Comment': 'b', 'StartAt': 'B', 'States': {'B': {'Type': 'Pass', 'End': true}}}], 'Retry': [{'Comment': 'r', 'ErrorEquals': ['States.ALL']}], 'Catch': [{'Comment': 'c', 'ErrorEquals': ['States.ALL'], 'Next': 'Q'}], 'End': true}, 'Q': {'Type': 'Pass', 'End': true}}}",
        "item processor         | {'StartAt': 'M', 'States': {'M': {'Type': 'Map', 'ItemsPath': '$.list', 'ItemProcessor': {'Comment': 'p', 'StartAt': 'I', 'States': {'I': {'Type': 'Pass', 'End': true}}}, 'End': true}}}",
    })
    void commentIsAcceptedWhereTheLanguageAllowsIt(String where, String definition) {
        Execution execution = run(definition, "{'a': 1, 'list': [1]}");

        assertThat(execution.status()).as("%s: %s", execution.error(), execution.cause())
                .isEqualTo(ExecutionStatus.SUCCEEDED);
    }
}
