package dev.greenlight.local.asl.choice;

import dev.greenlight.local.asl.query.PathReader;

/**
 * The boolean expression of one JSONPath Choice Rule: a Boolean expression ({@code And}, {@code Or},
 * {@code Not}) or a Data-test expression on a {@code Variable}. {@code Next} and {@code Assign} belong
 * to the Choice state, not to the rule.
 */
public sealed interface ChoiceRule permits And, Or, Not, Comparison, StringMatches, TypeTest, IsPresent {

    /**
     * Whether the rule holds for the data {@code paths} reads.
     *
     * @throws dev.greenlight.local.asl.StatesException States.Runtime when a path selects nothing
     */
    boolean matches(PathReader paths);
}
