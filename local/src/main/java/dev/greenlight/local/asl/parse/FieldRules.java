package dev.greenlight.local.asl.parse;

import dev.greenlight.local.asl.component.QueryLanguage;
import java.util.Map;
import java.util.Set;

/** Which fields each state type accepts, and which belong to only one query language. */
final class FieldRules {

    private static final Set<String> COMMON = Set.of("Type", "Comment", "QueryLanguage");

    private static final Map<String, Set<String>> BY_TYPE = Map.of(
            "Pass", Set.of("Next", "End", "InputPath", "OutputPath", "Parameters", "ResultPath", "Result",
                    "Assign", "Output"),
            "Task", Set.of("Next", "End", "Resource", "InputPath", "OutputPath", "Parameters", "ResultSelector",
                    "ResultPath", "Retry", "Catch", "TimeoutSeconds", "TimeoutSecondsPath", "HeartbeatSeconds",
                    "HeartbeatSecondsPath", "Credentials", "Arguments", "Output", "Assign"),
            "Choice", Set.of("Choices", "Default", "InputPath", "OutputPath", "Assign", "Output"),
            "Wait", Set.of("Next", "End", "Seconds", "Timestamp", "SecondsPath", "TimestampPath", "InputPath",
                    "OutputPath", "Assign", "Output"),
            "Succeed", Set.of("InputPath", "OutputPath", "Output"),
            "Fail", Set.of("Error", "Cause", "ErrorPath", "CausePath"),
            "Parallel", Set.of("Next", "End", "Branches", "InputPath", "OutputPath", "Parameters", "ResultSelector",
                    "ResultPath", "Retry", "Catch", "Arguments", "Output", "Assign"),
            "Map", Set.of("Next", "End", "Iterator", "ItemProcessor", "ItemsPath", "Items", "ItemSelector",
                    "Parameters", "MaxConcurrency", "MaxConcurrencyPath", "ToleratedFailurePercentage",
                    "ToleratedFailurePercentagePath", "ToleratedFailureCount", "ToleratedFailureCountPath",
                    "ItemReader", "ResultWriter", "ItemBatcher", "Label", "InputPath", "OutputPath",
                    "ResultSelector", "ResultPath", "Retry", "Catch", "Output", "Assign"));

    private static final Set<String> JSONPATH_ONLY = Set.of("InputPath", "OutputPath", "Parameters",
            "ResultSelector", "ResultPath", "Result", "ItemsPath", "Iterator", "SecondsPath", "TimestampPath",
            "ErrorPath", "CausePath", "TimeoutSecondsPath", "HeartbeatSecondsPath", "MaxConcurrencyPath",
            "ToleratedFailurePercentagePath", "ToleratedFailureCountPath");

    private static final Set<String> JSONATA_ONLY = Set.of("Arguments", "Output", "Items");

    private FieldRules() {
    }

    static boolean isType(String type) {
        return BY_TYPE.containsKey(type);
    }

    /**
     * Adds a problem, at the state as AWS locates them, for every field that its type does not
     * accept or, unless {@code language} is null, that belongs to the other query language.
     */
    static void check(String type, QueryLanguage language, Iterable<String> fields, Problems problems) {
        for (String field : fields) {
            if (!COMMON.contains(field) && !BY_TYPE.get(type).contains(field)) {
                problems.add("Field '" + field + "' is not supported");
            } else if (language == QueryLanguage.JSONata && JSONPATH_ONLY.contains(field)
                    || language == QueryLanguage.JSONPath && JSONATA_ONLY.contains(field)) {
                problems.add(wrongLanguage(language, field));
            }
        }
    }

    /** AWS's words for a field of the other query language. */
    static String wrongLanguage(QueryLanguage language, String field) {
        QueryLanguage other = language == QueryLanguage.JSONata ? QueryLanguage.JSONPath : QueryLanguage.JSONata;
        return "The QueryLanguage is set to '" + language + "', but field '" + field + "' is only supported for the '"
                + other + "' QueryLanguage";
    }
}
