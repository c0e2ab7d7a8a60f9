package dev.greenlight.local.aws.sns;

import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/** A message as Publish accepted it, for tests and the CLI to read back. */
public record PublishedMessage(String messageId, String topicArn, String subject, String message,
        String messageStructure, Map<String, MessageAttributeValue> attributes, Instant timestamp) {

    public PublishedMessage {
        attributes = Map.copyOf(attributes);
    }
}
