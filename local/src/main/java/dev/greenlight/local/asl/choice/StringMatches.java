package dev.greenlight.local.asl.choice;

import dev.greenlight.local.asl.query.PathReader;

/** {@code StringMatches}: a string value against a {@link Wildcard}; any other value does not match. */
record StringMatches(String variable, Wildcard pattern) implements ChoiceRule {

    @Override
    public boolean matches(PathReader paths) {
        var value = ConditionPaths.read(paths, variable);
        return value.isTextual() && pattern.matches(value.textValue());
    }
}
