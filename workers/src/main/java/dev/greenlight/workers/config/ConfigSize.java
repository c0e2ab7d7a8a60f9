package dev.greenlight.workers.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Whether a configuration fits where it travels: the Trigger and the smoke hook receive the whole
 * file in their {@code GREENLIGHT_CONFIG} environment variable, and Lambda allows 4 KB for all of a
 * function's environment variables together (Lambda quotas). The file, without white space and with
 * the stack's topic ARN filled in for a service that names none, must stay within 3,500 characters,
 * which leaves room for the functions' other variables.
 */
public final class ConfigSize {

    public static final int MAX_CHARS = 3500;
    /** As long as most topic ARNs: the check counts it where the stack's own topic is filled in. */
    public static final String EXAMPLE_TOPIC_ARN =
            "arn:aws:sns:ap-southeast-2:123456789012:Greenlight-TopicBFC7AF6E-ABCDEFGHIJKL";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ConfigSize() {
    }

    /** A problem when the file, as deployed, is over the limit; the text must be valid JSON. */
    public static Optional<String> problem(String configJson) {
        int length = deployedLength(configJson);
        if (length <= MAX_CHARS) {
            return Optional.empty();
        }
        return Optional.of(String.format("the configuration is %,d characters without white space (with the stack's "
                + "topic ARN filled in); the Trigger and the smoke hook receive it in an environment variable, and "
                + "Lambda allows 4 KB for all of them: keep it within %,d characters", length, MAX_CHARS));
    }

    /** The length of the configuration the deployed workers receive. */
    public static int deployedLength(String configJson) {
        try {
            return MAPPER.writeValueAsString(withDefaultTopic(MAPPER.readTree(configJson), EXAMPLE_TOPIC_ARN)).length();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the configuration is not JSON", e);
        }
    }

    /** The configuration where each service without {@code notifications.topicArn} gets {@code topicArn}. */
    public static JsonNode withDefaultTopic(JsonNode root, String topicArn) {
        JsonNode copy = root.deepCopy();
        for (JsonNode service : copy.path("services")) {
            if (!service.isObject()) {
                continue;
            }
            JsonNode notifications = service.path("notifications");
            if (!notifications.isObject()) {
                notifications = ((ObjectNode) service).putObject("notifications");
            }
            if (!notifications.hasNonNull("topicArn")) {
                ((ObjectNode) notifications).put("topicArn", topicArn);
            }
        }
        return copy;
    }
}
