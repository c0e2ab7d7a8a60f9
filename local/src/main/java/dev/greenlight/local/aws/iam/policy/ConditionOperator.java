package dev.greenlight.local.aws.iam.policy;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A condition operator as written in a policy: an optional set qualifier ({@code ForAnyValue:}
 * or {@code ForAllValues:}), a {@link BaseOperator}, and an optional {@code IfExists} suffix
 * ("Condition operators"; "Set operators for multivalued context keys").
 *
 * <p>The rules for a key the request does not have: {@code ...IfExists} holds; ForAllValues holds
 * (every one of no values matches); ForAnyValue does not; a negated operator holds and a positive
 * one does not ("If the key that you specify in a policy condition is not present in the request
 * context, the values do not match and the condition is false. If the policy condition requires
 * that the key is not matched, such as StringNotLike or ArnNotLike, and the right key is not
 * present, the condition is true"). {@code Null} tests presence itself.
 */
record ConditionOperator(Qualifier qualifier, BaseOperator base, boolean ifExists) {

    enum Qualifier { NONE, FOR_ANY_VALUE, FOR_ALL_VALUES }

    /** Empty for a name AWS does not know: a condition with it never holds. */
    static Optional<ConditionOperator> parse(String name) {
        Qualifier qualifier = Qualifier.NONE;
        String rest = name;
        if (rest.startsWith("ForAnyValue:")) {
            qualifier = Qualifier.FOR_ANY_VALUE;
            rest = rest.substring("ForAnyValue:".length());
        } else if (rest.startsWith("ForAllValues:")) {
            qualifier = Qualifier.FOR_ALL_VALUES;
            rest = rest.substring("ForAllValues:".length());
        }
        boolean ifExists = rest.endsWith("IfExists") && !rest.equals("IfExists");
        if (ifExists) {
            rest = rest.substring(0, rest.length() - "IfExists".length());
        }
        Qualifier q = qualifier;
        boolean e = ifExists;
        return BaseOperator.named(rest).filter(base -> !(base.isNullCheck() && e))
                .map(base -> new ConditionOperator(q, base, e));
    }

    /**
     * Whether the request's {@code values} of a key (empty when absent) satisfy this operator
     * against {@code policyValues}; {@code present} says whether the key is in the request.
     */
    boolean holds(boolean present, List<String> values, List<String> policyValues) {
        if (base.isNullCheck()) {
            return policyValues.stream().anyMatch(expected -> expected.equalsIgnoreCase("true") != present);
        }
        if (!present || values.isEmpty()) {
            if (ifExists) {
                return true;
            }
            return switch (qualifier) {
                case FOR_ALL_VALUES -> true;
                case FOR_ANY_VALUE -> false;
                case NONE -> base.negated;
            };
        }
        Predicate<String> positive = value -> policyValues.stream().anyMatch(policy -> base.test(value, policy));
        Predicate<String> matches = base.negated ? positive.negate() : positive;
        return switch (qualifier) {
            case FOR_ALL_VALUES -> values.stream().allMatch(matches);
            case FOR_ANY_VALUE -> values.stream().anyMatch(matches);
            case NONE -> base.negated ? values.stream().noneMatch(positive) : values.stream().anyMatch(positive);
        };
    }
}
