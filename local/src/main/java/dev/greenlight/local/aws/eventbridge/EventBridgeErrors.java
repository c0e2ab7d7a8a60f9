package dev.greenlight.local.aws.eventbridge;

import dev.greenlight.local.aws.AwsErrors;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.InvalidEventPatternException;
import software.amazon.awssdk.services.eventbridge.model.LimitExceededException;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;

/** EventBridge's refusals, coded and worded as AWS answers them. */
final class EventBridgeErrors {

    private EventBridgeErrors() {
    }

    /** The SDK has no class for it: AWS answers {@code ValidationException} as a plain service error. */
    static EventBridgeException validation(String message) {
        return AwsErrors.of(EventBridgeException.builder(), "ValidationException", message, 400);
    }

    static ResourceNotFoundException ruleNotFound(String name, String bus) {
        return AwsErrors.of(ResourceNotFoundException.builder(), "ResourceNotFoundException",
                "Rule " + name + " does not exist on EventBus " + bus + ".", 400);
    }

    static ResourceNotFoundException busNotFound(String bus) {
        return AwsErrors.of(ResourceNotFoundException.builder(), "ResourceNotFoundException",
                "Event bus " + bus + " does not exist.", 400);
    }

    static InvalidEventPatternException invalidPattern(String reason) {
        return AwsErrors.of(InvalidEventPatternException.builder(), "InvalidEventPatternException",
                "Event pattern is not valid. Reason: " + reason, 400);
    }

    static LimitExceededException limitExceeded() {
        return AwsErrors.of(LimitExceededException.builder(), "LimitExceededException",
                "The requested resource exceeds the maximum number allowed.", 400);
    }
}
