package dev.greenlight.local.aws.sns;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.Json;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/** Publish's checks of the message itself, before the topic is looked up. */
final class PublishCheck {

    static final int MAX_MESSAGE_BYTES = 256 * 1024;
    private static final int MAX_SUBJECT = 100;
    private static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9_-]{1,256}(\\.fifo)?");

    private PublishCheck() {
    }

    /** The topic ARN the request names. */
    static String target(PublishRequest request) {
        if (request.topicArn() != null && request.targetArn() != null) {
            throw SnsErrors.invalid("TopicArn or TargetArn Reason: Only one of TopicArn or TargetArn may be specified");
        }
        String arn = request.topicArn() != null ? request.topicArn() : request.targetArn();
        if (arn == null) {
            throw SnsErrors.invalid("TopicArn or TargetArn Reason: no value for required parameter");
        }
        return wellFormed(arn, request.topicArn() != null ? "TopicArn" : "TargetArn");
    }

    /**
     * A malformed ARN is 400 InvalidParameter, not 404 NotFound. The "at least 6 elements" reason is
     * what SNS answers (seen in its replies, not documented); any other malformed topic ARN gets the
     * bare "Invalid parameter: TopicArn" SNS gives for one it cannot use.
     */
    private static String wellFormed(String arn, String parameter) {
        String[] elements = arn.split(":", -1);
        if (elements.length < 6) {
            throw SnsErrors.invalid(parameter + " Reason: An ARN must have at least 6 elements, not " + elements.length);
        }
        boolean topic = elements.length == 6 && elements[0].equals("arn") && elements[1].startsWith("aws")
                && elements[2].equals("sns") && !elements[3].isEmpty() && elements[4].matches("\\d{12}")
                && TOPIC_NAME.matcher(elements[5]).matches();
        if (!topic) {
            throw SnsErrors.invalid(parameter);
        }
        return arn;
    }

    static void check(PublishRequest request) {
        String message = request.message();
        if (message == null || message.isEmpty()) {
            throw SnsErrors.invalid("Empty message");
        }
        if (message.getBytes(StandardCharsets.UTF_8).length > MAX_MESSAGE_BYTES) {
            throw SnsErrors.invalid("Message too long");
        }
        checkSubject(request.subject());
        if (request.messageStructure() != null) {
            checkStructure(request.messageStructure(), message);
        }
        request.messageAttributes().forEach(PublishCheck::checkAttribute);
    }

    /** Subjects are ASCII text under 100 characters, without line breaks. */
    private static void checkSubject(String subject) {
        if (subject == null) {
            return;
        }
        boolean printable = subject.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        if (subject.isEmpty() || subject.length() > MAX_SUBJECT || !printable) {
            throw SnsErrors.invalid("Subject");
        }
    }

    private static void checkStructure(String structure, String message) {
        if (!"json".equals(structure)) {
            throw SnsErrors.invalid("MessageStructure");
        }
        JsonNode parsed;
        try {
            parsed = Json.parse(message);
        } catch (RuntimeException e) {
            throw SnsErrors.invalid("Message Structure - JSON message body failed to parse");
        }
        if (!parsed.isObject() || !parsed.path("default").isTextual()) {
            throw SnsErrors.invalid("Message Structure - No default entry in JSON message body");
        }
    }

    private static void checkAttribute(String name, MessageAttributeValue value) {
        String type = value.dataType() == null ? "" : value.dataType();
        String base = type.split("\\.", 2)[0];
        boolean known = Set.of("String", "Number", "Binary").contains(base);
        if (!known) {
            throw SnsErrors.invalid("The message attribute '" + name + "' has an invalid message attribute type, "
                    + "the set of supported type prefixes is Binary, Number, and String.");
        }
        if ("Binary".equals(base) ? value.binaryValue() == null : value.stringValue() == null) {
            throw SnsErrors.invalid("The message attribute '" + name + "' must contain non-empty message attribute "
                    + "value for message attribute type '" + base + "'.");
        }
        if ("Number".equals(base) && !isNumber(value.stringValue())) {
            throw SnsErrors.invalid("The message attribute '" + name + "' has an invalid number value.");
        }
    }

    private static boolean isNumber(String text) {
        try {
            new BigDecimal(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
