package dev.greenlight.local.aws.cloudwatch;

import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;

/** The static-threshold comparison operators: whether a value breaches, and how AWS words it in a state reason. */
final class Threshold {

    private Threshold() {
    }

    static boolean isStatic(ComparisonOperator operator) {
        return switch (operator) {
            case GREATER_THAN_OR_EQUAL_TO_THRESHOLD, GREATER_THAN_THRESHOLD, LESS_THAN_THRESHOLD,
                    LESS_THAN_OR_EQUAL_TO_THRESHOLD -> true;
            default -> false;
        };
    }

    static boolean breaches(ComparisonOperator operator, double value, double threshold) {
        return switch (operator) {
            case GREATER_THAN_OR_EQUAL_TO_THRESHOLD -> value >= threshold;
            case GREATER_THAN_THRESHOLD -> value > threshold;
            case LESS_THAN_THRESHOLD -> value < threshold;
            case LESS_THAN_OR_EQUAL_TO_THRESHOLD -> value <= threshold;
            default -> throw new IllegalArgumentException("not a static threshold: " + operator);
        };
    }

    /** "greater than", as in "were greater than the threshold (70.0)". */
    static String phrase(ComparisonOperator operator) {
        return switch (operator) {
            case GREATER_THAN_OR_EQUAL_TO_THRESHOLD -> "greater than or equal to";
            case GREATER_THAN_THRESHOLD -> "greater than";
            case LESS_THAN_THRESHOLD -> "less than";
            case LESS_THAN_OR_EQUAL_TO_THRESHOLD -> "less than or equal to";
            default -> throw new IllegalArgumentException("not a static threshold: " + operator);
        };
    }
}
