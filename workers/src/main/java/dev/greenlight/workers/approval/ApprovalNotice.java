package dev.greenlight.workers.approval;

/**
 * The request went out: the SNS message id, and the deadline it announced (ISO-8601), after which
 * the state's timeout rolls the release back.
 */
public record ApprovalNotice(boolean notified, String messageId, String deadline) {
}
