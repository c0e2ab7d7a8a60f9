package dev.greenlight.local.asl.choice;

import dev.greenlight.local.asl.query.PathReader;
import java.util.List;

/** Holds when any rule holds; like {@link And}, evaluation stops at the first rule that decides it. */
record Or(List<ChoiceRule> rules) implements ChoiceRule {

    Or {
        rules = List.copyOf(rules);
    }

    @Override
    public boolean matches(PathReader paths) {
        return rules.stream().anyMatch(rule -> rule.matches(paths));
    }
}
