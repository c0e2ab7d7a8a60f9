package dev.greenlight.local.asl.choice;

import dev.greenlight.local.asl.query.PathReader;

/** {@code IsNull}, {@code IsNumeric}, {@code IsString}, {@code IsBoolean} or {@code IsTimestamp}. */
record TypeTest(String variable, TypeCheck check, boolean expected) implements ChoiceRule {

    @Override
    public boolean matches(PathReader paths) {
        return check.test(ConditionPaths.read(paths, variable)) == expected;
    }
}
