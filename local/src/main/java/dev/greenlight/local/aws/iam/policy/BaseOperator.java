package dev.greenlight.local.aws.iam.policy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * The condition operators of "IAM JSON policy elements: Condition operators", each as the test of
 * one request value against one policy value. A negated operator (StringNotEquals, ArnNotLike,
 * NotIpAddress, ...) is its positive twin's test, negated over all the policy values by
 * {@link ConditionOperator}. Values that do not parse as the operator's type match nothing.
 */
enum BaseOperator {
    StringEquals(Kind.STRING, false),
    StringNotEquals(Kind.STRING, true),
    StringEqualsIgnoreCase(Kind.STRING_IGNORE_CASE, false),
    StringNotEqualsIgnoreCase(Kind.STRING_IGNORE_CASE, true),
    StringLike(Kind.STRING_LIKE, false),
    StringNotLike(Kind.STRING_LIKE, true),
    NumericEquals(Kind.NUMERIC_EQ, false),
    NumericNotEquals(Kind.NUMERIC_EQ, true),
    NumericLessThan(Kind.NUMERIC_LT, false),
    NumericLessThanEquals(Kind.NUMERIC_LE, false),
    NumericGreaterThan(Kind.NUMERIC_GT, false),
    NumericGreaterThanEquals(Kind.NUMERIC_GE, false),
    DateEquals(Kind.DATE_EQ, false),
    DateNotEquals(Kind.DATE_EQ, true),
    DateLessThan(Kind.DATE_LT, false),
    DateLessThanEquals(Kind.DATE_LE, false),
    DateGreaterThan(Kind.DATE_GT, false),
    DateGreaterThanEquals(Kind.DATE_GE, false),
    Bool(Kind.BOOL, false),
    BinaryEquals(Kind.STRING, false),
    IpAddress(Kind.IP, false),
    NotIpAddress(Kind.IP, true),
    ArnEquals(Kind.ARN, false),
    ArnLike(Kind.ARN, false),
    ArnNotEquals(Kind.ARN, true),
    ArnNotLike(Kind.ARN, true),
    Null(Kind.NULL, false);

    private enum Kind {
        STRING, STRING_IGNORE_CASE, STRING_LIKE, NUMERIC_EQ, NUMERIC_LT, NUMERIC_LE, NUMERIC_GT, NUMERIC_GE,
        DATE_EQ, DATE_LT, DATE_LE, DATE_GT, DATE_GE, BOOL, IP, ARN, NULL
    }

    private final Kind kind;
    final boolean negated;

    BaseOperator(Kind kind, boolean negated) {
        this.kind = kind;
        this.negated = negated;
    }

    /** Whether variables may appear in this operator's values (String and Arn operators only). */
    boolean takesVariables() {
        return kind == Kind.STRING || kind == Kind.STRING_IGNORE_CASE || kind == Kind.STRING_LIKE || kind == Kind.ARN;
    }

    boolean isNullCheck() {
        return kind == Kind.NULL;
    }

    static Optional<BaseOperator> named(String name) {
        for (BaseOperator operator : values()) {
            if (operator.name().equals(name)) {
                return Optional.of(operator);
            }
        }
        return Optional.empty();
    }

    /** The positive test: does {@code requestValue} satisfy {@code policyValue}? */
    boolean test(String requestValue, String policyValue) {
        return switch (kind) {
            case STRING -> requestValue.equals(policyValue);
            case STRING_IGNORE_CASE -> requestValue.equalsIgnoreCase(policyValue);
            case STRING_LIKE -> Wildcards.matches(policyValue, requestValue, false);
            case NUMERIC_EQ, NUMERIC_LT, NUMERIC_LE, NUMERIC_GT, NUMERIC_GE -> compare(number(requestValue), number(policyValue));
            case DATE_EQ, DATE_LT, DATE_LE, DATE_GT, DATE_GE -> compare(date(requestValue), date(policyValue));
            case BOOL -> isBool(requestValue) && requestValue.equalsIgnoreCase(policyValue);
            case IP -> IpRanges.contains(policyValue, requestValue);
            case ARN -> Arns.matches(policyValue, requestValue);
            case NULL -> throw new IllegalStateException("Null is tested on presence, not on values");
        };
    }

    private <T extends Comparable<T>> boolean compare(Optional<T> request, Optional<T> policy) {
        if (request.isEmpty() || policy.isEmpty()) {
            return false;
        }
        int order = request.get().compareTo(policy.get());
        return switch (kind) {
            case NUMERIC_EQ, DATE_EQ -> order == 0;
            case NUMERIC_LT, DATE_LT -> order < 0;
            case NUMERIC_LE, DATE_LE -> order <= 0;
            case NUMERIC_GT, DATE_GT -> order > 0;
            default -> order >= 0;
        };
    }

    private static boolean isBool(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.equals("true") || lower.equals("false");
    }

    private static Optional<BigDecimal> number(String value) {
        try {
            return Optional.of(new BigDecimal(value.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** ISO 8601 (a date, or a date and time with an offset) or seconds since the epoch, as Date operators take. */
    private static Optional<Instant> date(String value) {
        if (value.matches("-?\\d+")) {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(value)));
        }
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
