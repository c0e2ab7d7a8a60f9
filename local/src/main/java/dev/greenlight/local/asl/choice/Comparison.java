package dev.greenlight.local.asl.choice;

import dev.greenlight.local.asl.query.PathReader;

/** A String, Numeric, Boolean or Timestamp comparison, such as {@code NumericLessThanEqualsPath}. */
record Comparison(String variable, Family family, Relation relation, Comparand comparand) implements ChoiceRule {

    @Override
    public boolean matches(PathReader paths) {
        var value = ConditionPaths.read(paths, variable);
        var other = comparand.resolve(paths);
        var comparison = family.compare(value, other);
        return comparison.isPresent() && relation.holds(comparison.getAsInt());
    }
}
