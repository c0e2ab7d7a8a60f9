package dev.greenlight.local.aws.eventbridge;

import java.time.Instant;
import java.util.Locale;

/**
 * A scheduled rule's ScheduleExpression, {@code rate(value unit)} or {@code cron(fields)}, as the
 * EventBridge user guide defines them; times are UTC. A malformed expression is AWS's
 * ValidationException "Parameter ScheduleExpression is not valid.".
 */
sealed interface Schedule permits RateSchedule, CronSchedule {

    /** The first time the rule runs strictly after {@code after}. */
    Instant next(Instant after);

    /** The expression as it was given, which DescribeRule answers. */
    String expression();

    static Schedule parse(String expression) {
        String trimmed = expression.trim();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("rate(") && trimmed.endsWith(")")) {
            return RateSchedule.parse(expression, trimmed.substring(5, trimmed.length() - 1));
        }
        if (lower.startsWith("cron(") && trimmed.endsWith(")")) {
            return CronSchedule.parse(expression, trimmed.substring(5, trimmed.length() - 1));
        }
        throw invalid();
    }

    static RuntimeException invalid() {
        return EventBridgeErrors.validation("Parameter ScheduleExpression is not valid.");
    }
}
