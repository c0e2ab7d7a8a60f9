package dev.greenlight.local.asl.choice;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumSet;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The types a comparison operator works on, spelled as the operator names begin. "If the values are
 * not both of the appropriate type ... the comparison will return false": {@link #compare} is then empty.
 */
enum Family {
    STRING("String", "a string", EnumSet.allOf(Relation.class)) {
        @Override
        OptionalInt compare(JsonNode left, JsonNode right) {
            return left.isTextual() && right.isTextual()
                    ? OptionalInt.of(compareCodePoints(left.textValue(), right.textValue()))
                    : OptionalInt.empty();
        }
    },
    NUMERIC("Numeric", "a number", EnumSet.allOf(Relation.class)) {
        @Override
        OptionalInt compare(JsonNode left, JsonNode right) {
            // BigDecimal keeps 1 equal to 1.0 and decimals exact, where doubles would round.
            return left.isNumber() && right.isNumber()
                    ? OptionalInt.of(left.decimalValue().compareTo(right.decimalValue()))
                    : OptionalInt.empty();
        }
    },
    BOOLEAN("Boolean", "a boolean", EnumSet.of(Relation.EQUALS)) {
        @Override
        OptionalInt compare(JsonNode left, JsonNode right) {
            return left.isBoolean() && right.isBoolean()
                    ? OptionalInt.of(Boolean.compare(left.booleanValue(), right.booleanValue()))
                    : OptionalInt.empty();
        }
    },
    TIMESTAMP("Timestamp", "a timestamp such as 2016-03-14T01:59:00Z", EnumSet.allOf(Relation.class)) {
        @Override
        OptionalInt compare(JsonNode left, JsonNode right) {
            if (!left.isTextual() || !right.isTextual()) {
                return OptionalInt.empty();
            }
            return Timestamps.parse(left.textValue())
                    .flatMap(a -> Timestamps.parse(right.textValue()).map(a::compareTo))
                    .map(OptionalInt::of)
                    .orElse(OptionalInt.empty());
        }
    };

    private final String prefix;
    private final String description;
    private final Set<Relation> relations;

    Family(String prefix, String description, Set<Relation> relations) {
        this.prefix = prefix;
        this.description = description;
        this.relations = relations;
    }

    /** How {@code left} compares to {@code right}, or empty when they are not both of this type. */
    abstract OptionalInt compare(JsonNode left, JsonNode right);

    /** Whether a literal comparand in the definition is of this type. */
    boolean accepts(JsonNode literal) {
        return compare(literal, literal).isPresent();
    }

    String prefix() {
        return prefix;
    }

    /** The type as a problem names it: "must be a number". */
    String description() {
        return description;
    }

    /** Only BooleanEquals exists for booleans; the other types have all five relations. */
    Set<Relation> relations() {
        return relations;
    }

    /**
     * The spec compares strings "character-by-character"; characters are Unicode code points here, so
     * a character outside the Basic Multilingual Plane sorts after every character inside it, which
     * {@link String#compareTo}, comparing UTF-16 units, does not guarantee.
     */
    static int compareCodePoints(String left, String right) {
        int i = 0;
        int j = 0;
        while (i < left.length() && j < right.length()) {
            int a = left.codePointAt(i);
            int b = right.codePointAt(j);
            if (a != b) {
                return Integer.compare(a, b);
            }
            i += Character.charCount(a);
            j += Character.charCount(b);
        }
        return Boolean.compare(i < left.length(), j < right.length());
    }
}
