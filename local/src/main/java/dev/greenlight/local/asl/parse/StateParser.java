package dev.greenlight.local.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.choice.ChoiceRule;
import dev.greenlight.local.asl.choice.ChoiceRuleParser;
import dev.greenlight.local.asl.component.ChoiceState;
import dev.greenlight.local.asl.component.DataFlow;
import dev.greenlight.local.asl.component.ErrorHandling;
import dev.greenlight.local.asl.component.FailState;
import dev.greenlight.local.asl.component.FieldValue;
import dev.greenlight.local.asl.component.MapState;
import dev.greenlight.local.asl.component.ParallelState;
import dev.greenlight.local.asl.component.PassState;
import dev.greenlight.local.asl.component.Program;
import dev.greenlight.local.asl.component.QueryLanguage;
import dev.greenlight.local.asl.component.State;
import dev.greenlight.local.asl.component.StateMachineType;
import dev.greenlight.local.asl.component.SucceedState;
import dev.greenlight.local.asl.component.TaskState;
import dev.greenlight.local.asl.component.Transition;
import dev.greenlight.local.asl.component.WaitState;
import dev.greenlight.local.asl.intrinsics.IntrinsicFunctions;
import dev.greenlight.local.asl.query.Jsonata;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Parses one state of one of the eight types; problems are collected, never thrown. */
final class StateParser {

    private static final Set<String> CHOICE_FIELDS = Set.of("Next", "Assign", "Output", "Comment", "Condition");

    /**
     * Fail state page: ErrorPath and CausePath are a reference path or one of these intrinsic
     * functions, which return a string.
     */
    private static final Set<String> FAIL_INTRINSICS = Set.of("States.Format", "States.JsonToString",
            "States.ArrayGetItem", "States.Base64Encode", "States.Base64Decode", "States.Hash", "States.UUID");

    private final ProgramParser programs;
    private final TransitionCheck transitions;

    StateParser(ProgramParser programs, TransitionCheck transitions) {
        this.programs = programs;
        this.transitions = transitions;
    }

    /** @param checkLanguage false when the state's QueryLanguage is already refused: AWS reports only that */
    State parse(String name, JsonNode node, QueryLanguage language, boolean checkLanguage, Problems problems) {
        String type = node.path("Type").asText(null);
        List<String> fields = new ArrayList<>();
        node.fieldNames().forEachRemaining(fields::add);
        FieldRules.check(type, checkLanguage ? language : null, fields, problems);
        DataFlow dataFlow = DataFlowParser.parse(node, language, problems);
        return switch (type) {
            case "Pass" -> new PassState(name, dataFlow, transition(name, node, problems), node.get("Result"));
            case "Task" -> task(name, node, dataFlow, problems);
            case "Choice" -> choice(name, node, dataFlow, problems);
            case "Wait" -> wait(name, node, dataFlow, problems);
            case "Succeed" -> {
                transitions.terminal();
                yield new SucceedState(name, dataFlow);
            }
            case "Fail" -> fail(name, node, dataFlow, problems);
            case "Parallel" -> parallel(name, node, dataFlow, problems);
            case "Map" -> map(name, node, dataFlow, problems);
            default -> throw new IllegalStateException("unchecked state type " + type);
        };
    }

    private Transition transition(String name, JsonNode node, Problems problems) {
        boolean end = node.path("End").asBoolean(false);
        if (node.has("End") && !node.get("End").isBoolean()) {
            problems.at("End").add("The value for the field 'End' must be a BOOLEAN");
        }
        if (node.has("Next") && end) {
            problems.add("Only one of Next or End may be set");
        } else if (!node.has("Next") && !end) {
            problems.add("Either Next or End must be set");
        }
        if (end) {
            transitions.terminal();
            return Transition.END;
        }
        transitions.target(name, node.get("Next"), problems.at("Next"));
        return new Transition(Fields.text(node, "Next", problems));
    }

    private TaskState task(String name, JsonNode node, DataFlow dataFlow, Problems problems) {
        String resource = Fields.requiredText(node, "Resource", problems);
        if (resource != null && programs.type() == StateMachineType.EXPRESS) {
            expressIntegration(resource, problems.at("Resource"));
        }
        CredentialsCheck.check(node, dataFlow.language(), problems);
        FieldValue<Number> timeout = seconds(node, "TimeoutSeconds", 1, dataFlow.language(), problems);
        FieldValue<Number> heartbeat = seconds(node, "HeartbeatSeconds", 1, dataFlow.language(), problems);
        if (timeout.literal() != null && heartbeat.literal() != null
                && heartbeat.literal().intValue() >= timeout.literal().intValue()) {
            problems.at("HeartbeatSeconds").add("HeartbeatSeconds must be smaller than TimeoutSeconds");
        }
        return new TaskState(name, dataFlow, transition(name, node, problems), node.path("Resource").asText(),
                timeout, heartbeat, errorHandling(name, node, dataFlow, problems));
    }

    /** EXPRESS workflows support only request-response integrations. */
    private static void expressIntegration(String resource, Problems problems) {
        for (String pattern : new String[] {".waitForTaskToken", ".sync"}) {
            if (resource.contains(pattern + ":") || resource.endsWith(pattern)) {
                problems.add("Express state machine does not support '" + pattern + "' service integration");
            }
        }
    }

    private ChoiceState choice(String name, JsonNode node, DataFlow dataFlow, Problems problems) {
        JsonNode entries = node.get("Choices");
        List<ChoiceState.Choice> choices = new ArrayList<>();
        if (entries == null || !entries.isArray() || entries.isEmpty()) {
            problems.at("Choices").add("The field 'Choices' must be a non-empty ARRAY");
        } else {
            for (int i = 0; i < entries.size(); i++) {
                choices.add(choiceEntry(name, entries.get(i), dataFlow.language(), problems.at("Choices").at(i)));
            }
        }
        transitions.target(name, node.get("Default"), problems.at("Default"));
        return new ChoiceState(name, dataFlow, List.copyOf(choices), Fields.text(node, "Default", problems));
    }

    private ChoiceState.Choice choiceEntry(String name, JsonNode entry, QueryLanguage language, Problems problems) {
        transitions.target(name, entry.get("Next"), problems.at("Next"));
        String next = Fields.requiredText(entry, "Next", problems);
        var assign = DataFlowParser.objectTemplate(entry, "Assign", language, problems);
        var output = DataFlowParser.template(entry, "Output", language, problems);
        if (language == QueryLanguage.JSONPath) {
            ChoiceRule rule = ChoiceRuleParser.parse(entry, true, problems);
            return new ChoiceState.Choice(rule, null, next, assign, output);
        }
        ErrorHandlingParser.unknownFields(entry, CHOICE_FIELDS, problems);
        String condition = Fields.requiredText(entry, "Condition", problems);
        if (condition != null && !Jsonata.isExpression(condition)) {
            problems.at("Condition").add("The value for the field 'Condition' must be a JSONata expression "
                    + "enclosed in {% %}");
        } else if (condition != null) {
            TemplateCheck.checkJsonata(entry.get("Condition"), problems.at("Condition"));
        }
        return new ChoiceState.Choice(null, condition, next, assign, output);
    }

    private WaitState wait(String name, JsonNode node, DataFlow dataFlow, Problems problems) {
        Fields.atMostOne(node, problems, "Seconds", "Timestamp", "SecondsPath", "TimestampPath");
        if (!node.has("Seconds") && !node.has("Timestamp") && !node.has("SecondsPath") && !node.has("TimestampPath")) {
            problems.add("One of Seconds, Timestamp, SecondsPath or TimestampPath must be set");
        }
        FieldValue<String> timestamp = text(node, "Timestamp", dataFlow.language(), problems);
        if (timestamp.literal() != null && !isTimestamp(timestamp.literal())) {
            problems.at("Timestamp").add("The value for the field 'Timestamp' must be an RFC3339 timestamp");
        }
        return new WaitState(name, dataFlow, transition(name, node, problems),
                seconds(node, "Seconds", 0, dataFlow.language(), problems), timestamp);
    }

    private FailState fail(String name, JsonNode node, DataFlow dataFlow, Problems problems) {
        transitions.terminal();
        return new FailState(name, dataFlow, failField(node, "Error", dataFlow.language(), problems),
                failField(node, "Cause", dataFlow.language(), problems));
    }

    private static FieldValue<String> failField(JsonNode node, String field, QueryLanguage language,
            Problems problems) {
        String pathField = field + "Path";
        JsonNode path = node.get(pathField);
        if (path == null || !path.isTextual() || !IntrinsicFunctions.isIntrinsic(path.textValue())) {
            return text(node, field, language, problems);
        }
        Fields.atMostOne(node, problems, field, pathField);
        String call = path.textValue().strip();
        String function = call.substring(0, call.indexOf('(')).strip();
        if (!FAIL_INTRINSICS.contains(function)) {
            problems.at(pathField).add("The value for the field '" + pathField + "' must be a valid Reference Path "
                    + "or one of the intrinsic functions " + String.join(", ", FAIL_INTRINSICS.stream().sorted()
                    .toList()));
        }
        IntrinsicFunctions.validate(call).forEach(problem -> problems.at(pathField).add("The value for the field '"
                + pathField + "' must be a valid intrinsic function: " + problem));
        return new FieldValue<>(field, null, call, null);
    }

    private ParallelState parallel(String name, JsonNode node, DataFlow dataFlow, Problems problems) {
        JsonNode branches = node.get("Branches");
        List<Program> parsed = new ArrayList<>();
        if (branches == null || !branches.isArray() || branches.isEmpty()) {
            problems.at("Branches").add("The field 'Branches' must be a non-empty ARRAY");
        } else {
            for (int i = 0; i < branches.size(); i++) {
                parsed.add(programs.nested(branches.get(i), problems.at("Branches").at(i)));
            }
        }
        return new ParallelState(name, dataFlow, transition(name, node, problems), List.copyOf(parsed),
                errorHandling(name, node, dataFlow, problems));
    }

    private MapState map(String name, JsonNode node, DataFlow dataFlow, Problems problems) {
        QueryLanguage language = dataFlow.language();
        Fields.atMostOne(node, problems, "ItemProcessor", "Iterator");
        Fields.atMostOne(node, problems, "ItemSelector", "Parameters");
        String processorField = node.has("Iterator") ? "Iterator" : "ItemProcessor";
        Program processor = null;
        if (!node.has(processorField)) {
            problems.add("The field 'ItemProcessor' is required");
        } else {
            processor = programs.nested(node.get(processorField), problems.at(processorField));
        }
        if (node.has("ItemsPath")) {
            TemplateCheck.checkPath("ItemsPath", node.get("ItemsPath"), true, problems.at("ItemsPath"));
        }
        String selectorField = node.has("Parameters") ? "Parameters" : "ItemSelector";
        var percentage = number(node, "ToleratedFailurePercentage", language, problems, value ->
                value.isNumber() && value.doubleValue() >= 0 && value.doubleValue() <= 100 ? null
                        : "The value for the field 'ToleratedFailurePercentage' must be a NUMBER between 0.0 and 100.0");
        return new MapState(name, dataFlow, transition(name, node, problems),
                Fields.text(node, "ItemsPath", problems),
                DataFlowParser.template(node, "Items", language, problems),
                DataFlowParser.objectTemplate(node, selectorField, language, problems),
                processor,
                seconds(node, "MaxConcurrency", 0, language, problems),
                percentage,
                seconds(node, "ToleratedFailureCount", 0, language, problems),
                errorHandling(name, node, dataFlow, problems),
                DistributedMapParser.parse(name, node, language, problems));
    }

    private ErrorHandling errorHandling(String name, JsonNode node, DataFlow dataFlow, Problems problems) {
        return ErrorHandlingParser.parse(node, dataFlow.language(), name, transitions, problems);
    }

    /** An integer field with its {@code Path} form and, in JSONata states, an expression form. */
    private static FieldValue<Number> seconds(JsonNode node, String field, int min, QueryLanguage language,
            Problems problems) {
        return number(node, field, language, problems, value -> Fields.integerProblem(value, min));
    }

    /** @param literalProblem what is wrong with a literal value, or null when it is fine */
    static FieldValue<Number> number(JsonNode node, String field, QueryLanguage language, Problems problems,
            java.util.function.Function<JsonNode, String> literalProblem) {
        String pathField = field + "Path";
        Fields.atMostOne(node, problems, field, pathField);
        JsonNode value = node.get(field);
        if (language == QueryLanguage.JSONata && value != null && Jsonata.isExpression(value)) {
            TemplateCheck.checkJsonata(value, problems.at(field));
            return new FieldValue<>(field, null, null, value.textValue());
        }
        TemplateCheck.checkPath(pathField, node.get(pathField), true, problems.at(pathField));
        Number literal = null;
        if (value != null) {
            String problem = literalProblem.apply(value);
            if (problem != null) {
                problems.at(field).add(problem);
            } else {
                literal = value.numberValue();
            }
        }
        return new FieldValue<>(field, literal, node.path(pathField).asText(null), null);
    }

    /** A string field with its {@code Path} form and, in JSONata states, an expression form. */
    private static FieldValue<String> text(JsonNode node, String field, QueryLanguage language, Problems problems) {
        String pathField = field + "Path";
        Fields.atMostOne(node, problems, field, pathField);
        String literal = Fields.text(node, field, problems);
        if (language == QueryLanguage.JSONata && literal != null && Jsonata.isExpression(literal)) {
            TemplateCheck.checkJsonata(node.get(field), problems.at(field));
            return new FieldValue<>(field, null, null, literal);
        }
        TemplateCheck.checkPath(pathField, node.get(pathField), false, problems.at(pathField));
        return new FieldValue<>(field, literal, node.path(pathField).asText(null), null);
    }

    private static boolean isTimestamp(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
