package dev.greenlight.local.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.component.Program;
import dev.greenlight.local.asl.component.QueryLanguage;
import dev.greenlight.local.asl.component.StateMachineType;
import dev.greenlight.local.asl.component.State;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Parses StartAt and States: the state machine itself, a Parallel branch or a Map's ItemProcessor. */
final class ProgramParser {

    /** A branch or ItemProcessor is not a state: AWS refuses a QueryLanguage on it. */
    private static final Set<String> NESTED_FIELDS = Set.of("StartAt", "States", "Comment", "ProcessorConfig");
    private static final int MAX_NAME_LENGTH = 80;

    /** Every state name of the machine: the spec makes them unique across branches too. */
    private final Set<String> allNames = new java.util.HashSet<>();
    private final QueryLanguage machineLanguage;
    private final StateMachineType type;

    ProgramParser(QueryLanguage machineLanguage, StateMachineType type) {
        this.machineLanguage = machineLanguage;
        this.type = type;
    }

    StateMachineType type() {
        return type;
    }

    /** The state machine itself, whose own fields the caller has checked. */
    Program machine(JsonNode node, Problems problems) {
        return parse(node, true, problems);
    }

    /**
     * A Parallel branch or Map ItemProcessor. Its states inherit the machine's QueryLanguage,
     * not the enclosing state's: AWS measures a JSONata Map over a bare Pass as JSONPath.
     */
    Program nested(JsonNode node, Problems problems) {
        if (!node.isObject()) {
            problems.add("The value must be an OBJECT");
            return null;
        }
        ErrorHandlingParser.unknownFields(node, NESTED_FIELDS, problems);
        return parse(node, false, problems);
    }

    private Program parse(JsonNode node, boolean isMachine, Problems problems) {
        QueryLanguage inherited = machineLanguage;
        String startAt = Fields.requiredText(node, "StartAt", problems);
        JsonNode states = node.get("States");
        if (states == null || !states.isObject() || states.isEmpty()) {
            problems.at("States").add("The field 'States' must be a non-empty OBJECT");
            return null;
        }
        TransitionCheck transitions = new TransitionCheck();
        states.fieldNames().forEachRemaining(transitions::state);
        StateParser parser = new StateParser(this, transitions);
        Map<String, State> parsed = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = states.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            State state = parseState(parser, entry.getKey(), entry.getValue(), inherited,
                    problems.at("States").at(entry.getKey()));
            if (state != null) {
                parsed.put(entry.getKey(), state);
            }
        }
        transitions.finish(startAt, isMachine, problems);
        return new Program(startAt, parsed, inherited);
    }

    private State parseState(StateParser parser, String name, JsonNode node, QueryLanguage inherited,
            Problems problems) {
        if (name.length() > MAX_NAME_LENGTH) {
            problems.add("State name '" + name + "' is longer than " + MAX_NAME_LENGTH + " characters");
        }
        if (!allNames.add(name)) {
            problems.add("State name '" + name + "' is used more than once in the state machine");
        }
        if (!node.isObject()) {
            problems.add("The value for the state must be an OBJECT");
            return null;
        }
        JsonNode type = node.get("Type");
        if (type == null || !type.isTextual() || !FieldRules.isType(type.textValue())) {
            problems.at("Type").add("The field 'Type' must be one of Pass, Task, Choice, Wait, Succeed, Fail, "
                    + "Parallel, Map");
            return null;
        }
        QueryLanguage language = LanguageCheck.of(node, inherited);
        boolean downgraded = LanguageCheck.isDowngrade(node, inherited);
        if (downgraded) {
            problems.add(LanguageCheck.DOWNGRADE);
        }
        State state = parser.parse(name, node, language, !downgraded, problems);
        LanguageCheck.checkValue(node, problems);
        return state;
    }
}
