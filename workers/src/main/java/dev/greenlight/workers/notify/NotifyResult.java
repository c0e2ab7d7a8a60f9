package dev.greenlight.workers.notify;

import java.util.List;

/**
 * What was sent: the EventBridge event id and the SNS message id (null when not sent), and a warning
 * for each notification that failed for good; a notification never fails the deployment.
 */
public record NotifyResult(String eventId, String messageId, List<String> warnings) {

    public NotifyResult {
        warnings = List.copyOf(warnings);
    }
}
