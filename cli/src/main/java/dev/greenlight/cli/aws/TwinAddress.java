package dev.greenlight.cli.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.workers.config.ConfigException;
import dev.greenlight.workers.config.ConfigLoader;
import dev.greenlight.workers.config.GreenlightConfig;
import dev.greenlight.workers.core.Worker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a running twin is, written by {@code greenlight local up} to {@code ~/.greenlight/twin.json}
 * and removed when it stops, so the other commands reach the twin without {@code --endpoint-url}.
 * The directory is {@code $GREENLIGHT_HOME} (or the system property {@code greenlight.home}) when set.
 *
 * @param endpointUrl     the wire gateway
 * @param pushUrl         the twin-only push endpoint ({@link dev.greenlight.cli.local.PushEndpoint})
 * @param stateMachineArn the pipeline deployed on the twin; null for an empty twin
 * @param config          the configuration the twin's pipeline runs with; null for an empty twin
 */
public record TwinAddress(String endpointUrl, String pushUrl, String stateMachineArn, GreenlightConfig config) {

    public static Path file() {
        String home = System.getProperty("greenlight.home", System.getenv("GREENLIGHT_HOME"));
        Path directory = home == null || home.isBlank()
                ? Path.of(System.getProperty("user.home"), ".greenlight") : Path.of(home);
        return directory.resolve("twin.json");
    }

    /** The running twin, if a {@code local up} wrote one; an unreadable file counts as none. */
    public static Optional<TwinAddress> find() {
        Path file = file();
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode json = Worker.JSON.readTree(file.toFile());
            return Optional.of(new TwinAddress(json.path("endpointUrl").asText(), json.path("pushUrl").asText(),
                    json.path("stateMachineArn").asText(null), json.path("config").isObject()
                            ? ConfigLoader.parse(json.path("config").toString()) : null));
        } catch (IOException | ConfigException e) {
            return Optional.empty();
        }
    }

    public void write() {
        Path file = file();
        try {
            Files.createDirectories(file.getParent());
            ObjectNode json = Worker.JSON.createObjectNode().put("endpointUrl", endpointUrl).put("pushUrl", pushUrl)
                    .put("stateMachineArn", stateMachineArn);
            json.set("config", config == null ? null : Worker.JSON.valueToTree(config));
            Files.writeString(file, Worker.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Removes the file if it still names this twin (another {@code local up} may have replaced it). */
    public void remove() {
        if (find().map(found -> found.endpointUrl.equals(endpointUrl)).orElse(false)) {
            try {
                Files.deleteIfExists(file());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + file(), e);
            }
        }
    }
}
