package dev.greenlight.local.asl.choice;

import dev.greenlight.local.asl.query.PathReader;

/** The inverse of one rule; a failure inside it (a missing path) is still a failure. */
record Not(ChoiceRule rule) implements ChoiceRule {

    @Override
    public boolean matches(PathReader paths) {
        return !rule.matches(paths);
    }
}
