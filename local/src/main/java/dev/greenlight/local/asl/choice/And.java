package dev.greenlight.local.asl.choice;

import dev.greenlight.local.asl.query.PathReader;
import java.util.List;

/**
 * Holds when every rule holds. The spec has the interpreter stop "when the boolean value has been
 * unambiguously determined", so a rule after the first false one is not evaluated and cannot fail.
 */
record And(List<ChoiceRule> rules) implements ChoiceRule {

    And {
        rules = List.copyOf(rules);
    }

    @Override
    public boolean matches(PathReader paths) {
        return rules.stream().allMatch(rule -> rule.matches(paths));
    }
}
