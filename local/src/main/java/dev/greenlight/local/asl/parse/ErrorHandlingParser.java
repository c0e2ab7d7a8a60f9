package dev.greenlight.local.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.StatesError;
import dev.greenlight.local.asl.component.Catcher;
import dev.greenlight.local.asl.component.DataFlow.OptionalPath;
import dev.greenlight.local.asl.component.ErrorHandling;
import dev.greenlight.local.asl.component.QueryLanguage;
import dev.greenlight.local.asl.component.Retrier;
import dev.greenlight.local.asl.component.Retrier.JitterStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Parses the Retry and Catch fields of Task, Parallel and Map states. */
final class ErrorHandlingParser {

    private static final Set<String> RETRIER_FIELDS = Set.of("ErrorEquals", "IntervalSeconds", "MaxAttempts",
            "BackoffRate", "MaxDelaySeconds", "JitterStrategy", "Comment");
    private static final Set<String> CATCHER_FIELDS = Set.of("ErrorEquals", "Next", "ResultPath", "Output",
            "Assign", "Comment");

    private ErrorHandlingParser() {
    }

    static ErrorHandling parse(JsonNode state, QueryLanguage language, String stateName, TransitionCheck transitions,
            Problems problems) {
        List<Retrier> retriers = new ArrayList<>();
        forEachEntry(state, "Retry", problems, (entry, at) -> retriers.add(retrier(entry, at)));
        List<Catcher> catchers = new ArrayList<>();
        forEachEntry(state, "Catch", problems, (entry, at) -> {
            transitions.target(stateName, entry.get("Next"), at.at("Next"));
            catchers.add(catcher(entry, language, at));
        });
        return new ErrorHandling(List.copyOf(retriers), List.copyOf(catchers));
    }

    private interface EntryParser {
        void parse(JsonNode entry, Problems at);
    }

    private static void forEachEntry(JsonNode state, String field, Problems problems, EntryParser parser) {
        JsonNode entries = state.get(field);
        if (entries == null) {
            return;
        }
        if (!entries.isArray()) {
            problems.at(field).add("The value for the field '" + field + "' must be an ARRAY");
            return;
        }
        for (int i = 0; i < entries.size(); i++) {
            Problems at = problems.at(field).at(i);
            if (entries.get(i).isObject()) {
                checkErrorEquals(entries.get(i), i == entries.size() - 1, at);
                parser.parse(entries.get(i), at);
            } else {
                at.add("The value must be an OBJECT");
            }
        }
    }

    private static void checkErrorEquals(JsonNode entry, boolean last, Problems problems) {
        List<String> errors = Fields.strings(entry, "ErrorEquals", problems);
        if (errors.contains(StatesError.ALL.errorName()) && (errors.size() > 1 || !last)) {
            problems.at("ErrorEquals").add("States.ALL must appear alone in the ErrorEquals array of the last "
                    + "retrier or catcher");
        }
    }

    private static Retrier retrier(JsonNode entry, Problems problems) {
        unknownFields(entry, RETRIER_FIELDS, problems);
        Integer interval = Fields.integer(entry, "IntervalSeconds", 1, problems);
        Integer attempts = Fields.integer(entry, "MaxAttempts", 0, problems);
        Double backoff = Fields.number(entry, "BackoffRate", 1.0, Double.MAX_VALUE, problems);
        Integer maxDelay = Fields.integer(entry, "MaxDelaySeconds", 1, problems);
        String jitter = Fields.text(entry, "JitterStrategy", problems);
        if (jitter != null && !Set.of("FULL", "NONE").contains(jitter)) {
            problems.at("JitterStrategy").add("The value for the field 'JitterStrategy' must be FULL or NONE");
            jitter = null;
        }
        return new Retrier(entry.has("ErrorEquals") ? stringsOf(entry.get("ErrorEquals")) : List.of(),
                interval == null ? Retrier.DEFAULT_INTERVAL_SECONDS : interval,
                attempts == null ? Retrier.DEFAULT_MAX_ATTEMPTS : attempts,
                backoff == null ? Retrier.DEFAULT_BACKOFF_RATE : backoff,
                maxDelay,
                jitter == null ? JitterStrategy.NONE : JitterStrategy.valueOf(jitter));
    }

    private static Catcher catcher(JsonNode entry, QueryLanguage language, Problems problems) {
        unknownFields(entry, CATCHER_FIELDS, problems);
        String next = Fields.requiredText(entry, "Next", problems);
        OptionalPath resultPath = OptionalPath.ROOT;
        if (entry.has("ResultPath")) {
            if (language == QueryLanguage.JSONata) {
                problems.add(FieldRules.wrongLanguage(language, "ResultPath"));
            }
            TemplateCheck.checkPath("ResultPath", entry.get("ResultPath"), true, problems.at("ResultPath"));
            resultPath = entry.get("ResultPath").isNull() ? OptionalPath.NULL
                    : new OptionalPath(entry.get("ResultPath").asText());
        }
        if (entry.has("Output") && language == QueryLanguage.JSONPath) {
            problems.add(FieldRules.wrongLanguage(language, "Output"));
        }
        return new Catcher(stringsOf(entry.path("ErrorEquals")), next, resultPath,
                DataFlowParser.template(entry, "Output", language, problems),
                DataFlowParser.template(entry, "Assign", language, problems));
    }

    static void unknownFields(JsonNode node, Set<String> allowed, Problems problems) {
        node.fieldNames().forEachRemaining(field -> {
            if (!allowed.contains(field)) {
                problems.add("Field '" + field + "' is not supported");
            }
        });
    }

    private static List<String> stringsOf(JsonNode array) {
        List<String> result = new ArrayList<>();
        array.forEach(value -> {
            if (value.isTextual()) {
                result.add(value.textValue());
            }
        });
        return List.copyOf(result);
    }
}
