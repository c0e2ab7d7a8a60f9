package dev.greenlight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The CLI logs through a real SLF4J binding: the twin's warnings reach stderr, nothing chattier does. */
class LoggingTest {

    @Test
    void theBindingIsSlf4jSimple_quietBelowWarnings() {
        Logger log = LoggerFactory.getLogger("dev.greenlight.local.aws.eventbridge.EventBridgeTwin");

        assertThat(LoggerFactory.getILoggerFactory().getClass().getName()).startsWith("org.slf4j.simple.");
        assertThat(log.isErrorEnabled()).isTrue();
        assertThat(log.isInfoEnabled()).isFalse();
    }

    @Test
    void theCommandsOwnSettings_sayWarnOnStderr() throws Exception {
        Properties settings = new Properties();
        try (var in = Greenlight.class.getResourceAsStream("/simplelogger.properties")) {
            assertThat(in).as("simplelogger.properties on the CLI's class path").isNotNull();
            settings.load(in);
        }

        assertThat(settings).containsEntry("org.slf4j.simpleLogger.defaultLogLevel", "warn")
                .containsEntry("org.slf4j.simpleLogger.logFile", "System.err");
    }
}
