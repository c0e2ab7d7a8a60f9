package dev.greenlight.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.workers.config.ConfigException;
import dev.greenlight.workers.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awscdk.App;

class ConfigurationTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"services\": {\"orders\": }              | the configuration is not valid JSON",
        "{}                                          | the configuration needs a \"services\" object",
        "{\"services\": {\"orders\": {\"repository\": \"orders\"}}} | services.orders.cluster: is required",
    })
    void aBrokenFile_failsWithTheLoadersMessage(String text, String message) throws Exception {
        Path config = dir.resolve("greenlight.json");
        Files.writeString(config, text);
        String loaders = messageOf(() -> ConfigLoader.load(config));
        assertThat(loaders).contains(message);
        assertThatThrownBy(() -> AppInputs.load(config, Synthesis.definitionFile(), Synthesis.placeholderJar(), null))
                .isInstanceOf(ConfigException.class).hasMessage(loaders);
    }

    @Test
    void theExampleFile_isValid_andNamesTheDemoStacksAlarms() {
        var orders = ConfigLoader.load(Synthesis.EXAMPLE_CONFIG).service("orders");
        assertThat(orders.alarms()).containsExactlyInAnyOrderElementsOf(DemoServiceStack.alarmNames("orders"));
        assertThat(orders.smoke().testUrl()).endsWith(":" + DemoServiceStack.TEST_PORT);
    }

    @Test
    void aDemoServiceTheFileDoesNotHave_failsNamingTheServicesThereAre() {
        assertThatThrownBy(() -> AppInputs.load(Synthesis.TWO_SERVICES, Synthesis.definitionFile(),
                Synthesis.placeholderJar(), "billing"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("unknown service 'billing': the configuration has orders, payments");
    }

    @Test
    void aMissingWorkersJar_failsSayingHowToBuildIt() {
        assertThatThrownBy(() -> AppInputs.load(Synthesis.TWO_SERVICES, Synthesis.definitionFile(),
                dir.resolve("greenlight-workers.jar"), null))
                .hasMessageContaining("does not exist: build it with `mvn -pl infra -am package -DskipTests`");
    }

    @Test
    void aConfigurationTooLargeForLambdasEnvironment_failsSynthesis() throws Exception {
        String big = Files.readString(Synthesis.TWO_SERVICES).replace("\"alarms\": [\"payments-5xx\"]",
                "\"alarms\": [" + "\"payments-alarm-with-a-rather-long-name\",".repeat(100) + "\"payments-5xx\"]");
        Path config = dir.resolve("greenlight.json");
        Files.writeString(config, big);
        AppInputs inputs = AppInputs.load(config, Synthesis.definitionFile(), Synthesis.placeholderJar(), null);
        assertThatThrownBy(() -> Greenlight.build(new App(), inputs))
                .hasMessageContaining("Lambda allows 4 KB for all of them: keep it within 3,500 characters");
    }

    private static String messageOf(Runnable action) {
        try {
            action.run();
        } catch (ConfigException e) {
            return e.getMessage();
        }
        throw new AssertionError("the loader accepted the file");
    }
}
