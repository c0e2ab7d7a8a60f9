package dev.greenlight.local.aws.iam.policy;

import java.util.List;
import java.util.Optional;

/**
 * One operator, one key and its policy values out of a Condition block. Within it the values are
 * alternatives (OR); the block holds only when every one of its conditions holds (AND).
 */
record Condition(Optional<ConditionOperator> operator, String key, List<String> values) {

    boolean holds(RequestContext context, boolean variablesAllowed) {
        if (operator.isEmpty()) {
            return false;
        }
        ConditionOperator op = operator.get();
        List<String> resolved = op.base().takesVariables()
                ? values.stream().map(value -> PolicyVariables.resolve(value, context, variablesAllowed))
                        .flatMap(Optional::stream).toList()
                : values;
        return op.holds(context.has(key), context.get(key), resolved);
    }
}
