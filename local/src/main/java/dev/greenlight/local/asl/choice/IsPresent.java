package dev.greenlight.local.asl.choice;

import dev.greenlight.local.asl.query.PathReader;

/**
 * {@code IsPresent}: the one operator for which "if the Variable-field Path fails to match anything in
 * the input no exception is thrown and the Choice Rule just returns false".
 */
record IsPresent(String variable, boolean expected) implements ChoiceRule {

    @Override
    public boolean matches(PathReader paths) {
        return ConditionPaths.isPresent(paths, variable) == expected;
    }
}
