package dev.greenlight.local.asl.choice;

import static dev.greenlight.local.asl.choice.ChoiceRuleMatchesTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.parse.Problem;
import dev.greenlight.local.asl.parse.Problems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What CreateStateMachine would refuse in a Choice Rule, and where it says so. The rule sits at
 * /States/Check/Choices/0; locations below are relative to it, written as a/0/b.
 */
class ChoiceRuleParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            a rule that is not an object       | true  | 'x'                                                        | A Choice Rule must be a JSON object |
            a rule without an operator         | true  | {'Variable':'$.v','Next':'N'}                              | A Choice Rule must have exactly one comparison operator or one of And, Or, Not; it has none |
            a rule with two operators          | true  | {'Variable':'$.v','StringEquals':'a','NumericEquals':1,'Next':'N'} | A Choice Rule must have exactly one comparison operator or one of And, Or, Not; it has 'StringEquals', 'NumericEquals' |
            a rule with Not and a comparison   | true  | {'Not':{'Variable':'$.v','IsNull':true},'Variable':'$.v','IsNull':true,'Next':'N'} | A Choice Rule must have exactly one comparison operator or one of And, Or, Not; it has 'Not', 'IsNull' |
            an unknown field                   | true  | {'Variable':'$.v','IsNull':true,'Nxt':'N'}                 | Field 'Nxt' is not supported |
            an operator the spec does not have | true  | {'Variable':'$.v','StringMatchesPath':'$.w','Next':'N'}    | Field 'StringMatchesPath' is not supported |
            Next on a nested rule              | false | {'Variable':'$.v','IsNull':true,'Next':'N'}                | Field 'Next' is not supported |
            Next inside And                    | true  | {'And':[{'Variable':'$.v','IsNull':true,'Next':'N'}],'Next':'N'} | Field 'Next' is not supported | And/0
            Assign inside Not                  | true  | {'Not':{'Variable':'$.v','IsNull':true,'Assign':{}},'Next':'N'} | Field 'Assign' is not supported | Not
            a comparison without Variable      | true  | {'StringEquals':'a','Next':'N'}                            | The field 'Variable' is required but was missing |
            Variable with And                  | true  | {'Variable':'$.v','And':[{'Variable':'$.v','IsNull':true}],'Next':'N'} | Field 'Variable' is not supported |
            a Variable that is not a path      | true  | {'Variable':'v','IsNull':true,'Next':'N'}                  | The value for the field 'Variable' must be a valid ReferencePath | Variable
            a Variable that is not a Reference Path | true | {'Variable':'$.v[*]','IsNull':true,'Next':'N'}       | The value for the field 'Variable' must be a valid ReferencePath | Variable
            a Variable that is not a string    | true  | {'Variable':1,'IsNull':true,'Next':'N'}                    | The value for the field 'Variable' must be a valid ReferencePath | Variable
            NumericEquals with a string        | true  | {'Variable':'$.v','NumericEquals':'1','Next':'N'}          | The value for the field 'NumericEquals' must be a number | NumericEquals
            NumericLessThan with a boolean     | true  | {'Variable':'$.v','NumericLessThan':true,'Next':'N'}       | The value for the field 'NumericLessThan' must be a number | NumericLessThan
            StringEquals with a number         | true  | {'Variable':'$.v','StringEquals':1,'Next':'N'}             | The value for the field 'StringEquals' must be a string | StringEquals
            BooleanEquals with a string        | true  | {'Variable':'$.v','BooleanEquals':'true','Next':'N'}       | The value for the field 'BooleanEquals' must be a boolean | BooleanEquals
            TimestampEquals with a date        | true  | {'Variable':'$.v','TimestampEquals':'2016-03-14','Next':'N'} | The value for the field 'TimestampEquals' must be a timestamp such as 2016-03-14T01:59:00Z | TimestampEquals
            TimestampGreaterThan without a zone | true | {'Variable':'$.v','TimestampGreaterThan':'2016-03-14T01:59:00','Next':'N'} | The value for the field 'TimestampGreaterThan' must be a timestamp such as 2016-03-14T01:59:00Z | TimestampGreaterThan
            IsNull with a string               | true  | {'Variable':'$.v','IsNull':'true','Next':'N'}              | The value for the field 'IsNull' must be a boolean | IsNull
            IsPresent with a number            | true  | {'Variable':'$.v','IsPresent':1,'Next':'N'}                | The value for the field 'IsPresent' must be a boolean | IsPresent
            IsTimestamp with a string          | true  | {'Variable':'$.v','IsTimestamp':'yes','Next':'N'}          | The value for the field 'IsTimestamp' must be a boolean | IsTimestamp
            NumericEqualsPath that is not a path | true | {'Variable':'$.v','NumericEqualsPath':'w','Next':'N'}     | The value for the field 'NumericEqualsPath' must be a valid ReferencePath | NumericEqualsPath
            StringEqualsPath that is not a string | true | {'Variable':'$.v','StringEqualsPath':1,'Next':'N'}       | The value for the field 'StringEqualsPath' must be a valid ReferencePath | StringEqualsPath
            StringMatches with a number        | true  | {'Variable':'$.v','StringMatches':1,'Next':'N'}            | The value for the field 'StringMatches' must be a string | StringMatches
            StringMatches ending in a backslash | true | {'Variable':'$.v','StringMatches':'a\\\\','Next':'N'}      | The value for the field 'StringMatches' must not have an open escape: a backslash may only precede '*' or another backslash | StringMatches
            StringMatches escaping a letter    | true  | {'Variable':'$.v','StringMatches':'a\\\\b*','Next':'N'}    | The value for the field 'StringMatches' must not have an open escape: a backslash may only precede '*' or another backslash | StringMatches
            an empty And                       | true  | {'And':[],'Next':'N'}                                      | The value for the field 'And' must be a non-empty array | And
            Or with an object                  | true  | {'Or':{'Variable':'$.v','IsNull':true},'Next':'N'}         | The value for the field 'Or' must be a non-empty array | Or
            Not with an array                  | true  | {'Not':[{'Variable':'$.v','IsNull':true}],'Next':'N'}      | A Choice Rule must be a JSON object | Not
            And with a string                  | true  | {'And':['x'],'Next':'N'}                                   | A Choice Rule must be a JSON object | And/0
            a deep operand of the wrong type   | true  | {'Not':{'Or':[{'Variable':'$.v','IsNull':true},{'Variable':'$.v','NumericEquals':'1'}]},'Next':'N'} | The value for the field 'NumericEquals' must be a number | Not/Or/1/NumericEquals
            """)
    void invalidRule_isRefusedWithAProblemWhereItIs(
            String behaviour, boolean topLevel, String rule, String message, String location) {
        var problems = rulePosition();

        var parsed = ChoiceRuleParser.parse(json(rule), topLevel, problems);

        assertThat(parsed).isNull();
        assertThat(problems.all())
                .extracting(Problem::code, Problem::message, Problem::location)
                .contains(tuple(Problem.SCHEMA, message, locationOf(location)));
    }

    @Test
    void badVariableAndBadOperand_areBothReported() {
        var problems = rulePosition();

        ChoiceRuleParser.parse(json("{'Variable':'v','NumericEquals':'1','Next':'N'}"), true, problems);

        assertThat(problems.all())
                .extracting(Problem::location)
                .containsExactly(locationOf("Variable"), locationOf("NumericEquals"));
    }

    @Test
    void choicesEntry_acceptsNextAssignAndComment() {
        var problems = rulePosition();

        var parsed = ChoiceRuleParser.parse(json(
                "{'Variable':'$.v','IsPresent':true,'Next':'N','Assign':{'seen':true},'Comment':'why'}"), true, problems);

        assertThat(problems.all()).isEmpty();
        assertThat(parsed).isNotNull();
    }

    /** A nested rule may carry a Comment too, as localstack's grammar, checked against AWS, accepts. */
    @Test
    void nestedRule_acceptsAComment() {
        var problems = rulePosition();

        var parsed = ChoiceRuleParser.parse(json("{'Variable':'$.v','IsNull':true,'Comment':'c'}"), false, problems);

        assertThat(problems.all()).isEmpty();
        assertThat(parsed).isNotNull();
    }

    @ParameterizedTest(name = "Variable {0} is accepted")
    @ValueSource(strings = {"$", "$.v", "$.v[0].w", "$['a b']", "$$.Execution.Input.v", "$$.Map.Item.Value",
            "$release", "$release.version", "$_x[1]"})
    void referencePathsToInputContextAndVariables_areAccepted(String variable) {
        var problems = rulePosition();

        var parsed = ChoiceRuleParser.parse(
                Json.NODES.objectNode().put("Variable", variable).put("IsNull", false).put("Next", "N"), true, problems);

        assertThat(problems.all()).isEmpty();
        assertThat(parsed).isNotNull();
    }

    @ParameterizedTest(name = "Variable {0} is refused")
    @ValueSource(strings = {"", "v", "$.", "$..v", "$.v[*]", "$.v[?(@.w)]", "$.v.length()", "$$.v[*]", "$x.v[*]"})
    void pathsThatAreNotReferencePaths_areRefused(String variable) {
        var problems = rulePosition();

        var parsed = ChoiceRuleParser.parse(
                Json.NODES.objectNode().put("Variable", variable).put("IsNull", false).put("Next", "N"), true, problems);

        assertThat(parsed).isNull();
        assertThat(problems.all()).extracting(Problem::location).containsExactly(locationOf("Variable"));
    }

    /** Where the caller positions the collector: at the first entry of Choices of state Check. */
    private static Problems rulePosition() {
        return new Problems().at("States").at("Check").at("Choices").at(0);
    }

    /** The location of a/0/b under the rule, written however {@link Problems} writes locations. */
    private static String locationOf(String relative) {
        var at = rulePosition();
        for (String segment : relative == null ? new String[0] : relative.split("/")) {
            at = segment.chars().allMatch(Character::isDigit) ? at.at(Integer.parseInt(segment)) : at.at(segment);
        }
        return at.location();
    }
}
