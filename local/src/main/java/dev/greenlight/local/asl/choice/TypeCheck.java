package dev.greenlight.local.asl.choice;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Predicate;

/** The type tests on a present value; {@code IsPresent}, which needs no value, is {@link IsPresent}. */
enum TypeCheck {
    IS_NULL("IsNull", JsonNode::isNull),
    IS_NUMERIC("IsNumeric", JsonNode::isNumber),
    IS_STRING("IsString", JsonNode::isTextual),
    IS_BOOLEAN("IsBoolean", JsonNode::isBoolean),
    IS_TIMESTAMP("IsTimestamp", value -> value.isTextual() && Timestamps.parse(value.textValue()).isPresent());

    private final String fieldName;
    private final Predicate<JsonNode> test;

    TypeCheck(String fieldName, Predicate<JsonNode> test) {
        this.fieldName = fieldName;
        this.test = test;
    }

    String fieldName() {
        return fieldName;
    }

    boolean test(JsonNode value) {
        return test.test(value);
    }
}
