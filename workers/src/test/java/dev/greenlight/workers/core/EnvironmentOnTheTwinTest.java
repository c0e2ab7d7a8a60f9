package dev.greenlight.workers.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.clock.VirtualClock;
import dev.greenlight.local.twin.LocalTwin;
import dev.greenlight.workers.trigger.Trigger;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * A worker created on the twin from a package, as CloudFormation creates it from CDK's upload: its
 * no-argument constructor reads the function's Environment through {@link Environment}, though the
 * same classes are on this JVM's class path and its process environment has none of the settings.
 */
class EnvironmentOnTheTwinTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/trigger";
    private static final String CONFIG = """
            {"services": {"orders": {"repository": "orders", "cluster": "c", "service": "s", "container": "app",
             "containerPort": 80, "codeDeploy": {"application": "a", "deploymentGroup": "g"},
             "smoke": {"testUrl": "http://x:8080", "checks": [{"path": "/"}]}}}}""";

    private final LocalTwin twin = LocalTwin.virtualTime(new VirtualClock());
    private final SdkBytes workers = SdkBytes.fromByteArray(workersPackage());

    @AfterEach
    void close() {
        twin.close();
    }

    @Test
    void theProcessEnvironmentIsNotTheFunctions() {
        assertThat(Environment.onTwin()).isFalse();
        assertThat(Environment.variable("STATE_MACHINE_ARN")).isEqualTo(System.getenv("STATE_MACHINE_ARN")).isNull();
    }

    @Test
    void aTriggerFromThePackage_isConstructedWithItsFunctionsEnvironment() throws IOException {
        create("configured", Map.of("STATE_MACHINE_ARN",
                "arn:aws:states:us-east-1:123456789012:stateMachine:pipeline", "GREENLIGHT_CONFIG", CONFIG));
        create("unconfigured", Map.of("STATE_MACHINE_ARN",
                "arn:aws:states:us-east-1:123456789012:stateMachine:pipeline"));

        JsonNode configured = invoke("configured", deletion());
        JsonNode unconfigured = invoke("unconfigured", deletion());

        assertThat(configured.path("note").asText()).startsWith("ignored: DELETE SUCCESS");
        assertThat(unconfigured.path("errorMessage").asText())
                .isEqualTo("the Trigger needs the environment variable GREENLIGHT_CONFIG (the configuration file's JSON)");
    }

    private void create(String name, Map<String, String> environment) {
        twin.lambda().createFunction(b -> b.functionName(name).runtime("java17")
                .handler(Trigger.class.getName() + "::handleRequest").role(ROLE).timeout(30).memorySize(512)
                .environment(e -> e.variables(environment)).code(c -> c.zipFile(workers)));
    }

    private JsonNode invoke(String name, JsonNode event) throws IOException {
        SdkBytes payload = SdkBytes.fromByteArray(Worker.JSON.writeValueAsBytes(event));
        InvokeResponse response = twin.lambda().invoke(b -> b.functionName(name).payload(payload));
        return Worker.JSON.readTree(response.payload().asByteArray());
    }

    private static JsonNode deletion() throws IOException {
        try (InputStream in = EnvironmentOnTheTwinTest.class.getResourceAsStream("/events/ecr-push.json")) {
            ObjectNode event = (ObjectNode) Worker.JSON.readTree(in);
            ((ObjectNode) event.get("detail")).put("action-type", "DELETE");
            return event;
        }
    }

    /** The workers' compiled classes as a jar; the libraries they use come from the twin's class path. */
    private static byte[] workersPackage() {
        try {
            Path classes = Path.of(Trigger.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (JarOutputStream jar = new JarOutputStream(bytes); Stream<Path> files = Files.walk(classes)) {
                List<Path> entries = files.filter(Files::isRegularFile).toList();
                for (Path file : entries) {
                    jar.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                    jar.write(Files.readAllBytes(file));
                    jar.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
