package dev.greenlight.infra;

import dev.greenlight.workers.config.ConfigSize;
import dev.greenlight.workers.core.Worker;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The configuration as the deployed workers see it: the file, where a service without
 * {@code notifications.topicArn} gets the stack's topic, so approval requests and notifications
 * reach its subscribers. Everything else is the file as written.
 */
final class WorkersConfig {

    private WorkersConfig() {
    }

    /** {@code topicArn} may be a CDK token; it is embedded in the JSON text and resolved by CloudFormation. */
    static String withDefaultTopic(String configJson, String topicArn) {
        try {
            return Worker.JSON.writeValueAsString(ConfigSize.withDefaultTopic(Worker.JSON.readTree(configJson), topicArn));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
