package dev.greenlight.local.aws.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.clock.VirtualClock;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationResponse;

/**
 * Each function from a package runs in an execution environment of its own, as each has its own
 * JVM in AWS: its own statics, and its Environment (with the runtime's reserved variables and what
 * the twin adds) readable from its constructor on. UpdateFunctionConfiguration changes $LATEST in
 * place, keeping versions and aliases, and the next call starts a new environment.
 */
class ExecutionEnvironmentsTest {

    private static final byte[] JAR = HandlerJar.build();
    private static final String ROLE = "arn:aws:iam::123456789012:role/hook";

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final LambdaTwin lambda = new LambdaTwin(clock, new SplittableRandom(3));

    private void create(String name, String colour) {
        lambda.createFunction(b -> b.functionName(name).runtime("java21").handler("hook.Settings::handleRequest")
                .role(ROLE).environment(e -> e.variables(Map.of("COLOUR", colour)))
                .code(c -> c.zipFile(SdkBytes.fromByteArray(JAR))));
    }

    private JsonNode invoke(String name) {
        return Json.parse(lambda.invoke(b -> b.functionName(name).payload(SdkBytes.fromUtf8String("{}")))
                .payload().asUtf8String());
    }

    @Test
    void twoFunctionsFromOneJar_shareNoStatics_andEachReadsItsOwnEnvironmentWhenConstructed() {
        lambda.runtimeVariables((function, role) -> Map.of("GREENLIGHT_ENDPOINT_URL", "http://127.0.0.1:1",
                "AWS_LAMBDA_FUNCTION_NAME", "overridden?"));
        create("blue", "blue");
        create("green", "green");

        JsonNode blue = invoke("blue");
        JsonNode green = invoke("green");
        invoke("blue");

        assertThat(blue.path("colour").asText()).isEqualTo("blue");
        assertThat(green.path("colour").asText()).isEqualTo("green");
        assertThat(green.path("constructed").asInt()).as("green's static counts only green's construction").isOne();
        assertThat(invoke("blue").path("constructed").asInt()).as("one execution environment, built once").isOne();
        assertThat(blue.path("region").asText()).isEqualTo("us-east-1");
        assertThat(blue.path("function").asText()).as("reserved names win").isEqualTo("blue");
        assertThat(blue.path("loader").asText()).isEqualTo("lambda-twin:blue");
    }

    @Test
    void updateFunctionConfiguration_changesLatestInPlace_keepingVersionsAndAliases() {
        create("hook", "blue");
        lambda.publishVersion(b -> b.functionName("hook"));
        lambda.createAlias(b -> b.functionName("hook").name("live").functionVersion("1"));
        invoke("hook");

        UpdateFunctionConfigurationResponse updated = lambda.updateFunctionConfiguration(b -> b.functionName("hook")
                .timeout(30).environment(e -> e.variables(Map.of("COLOUR", "green"))));

        assertThat(updated.timeout()).isEqualTo(30);
        assertThat(updated.memorySize()).as("members not given stay").isEqualTo(128);
        assertThat(updated.handler()).isEqualTo("hook.Settings::handleRequest");
        assertThat(updated.codeSha256()).isEqualTo(FunctionPackages.sha256(JAR));
        assertThat(invoke("hook").path("colour").asText()).as("a new execution environment").isEqualTo("green");
        assertThat(Json.parse(lambda.invoke(b -> b.functionName("hook").qualifier("live")
                .payload(SdkBytes.fromUtf8String("{}"))).payload().asUtf8String()).path("colour").asText())
                .as("version 1 keeps its configuration").isEqualTo("blue");
        assertThat(lambda.publishVersion(b -> b.functionName("hook")).version()).isEqualTo("2");
        assertThat(lambda.getAlias(b -> b.functionName("hook").name("live")).functionVersion()).isEqualTo("1");
    }

    @Test
    void updateFunctionConfiguration_refusesWhatCreateFunctionRefuses_andAMissingFunction() {
        create("hook", "blue");

        assertThatThrownBy(() -> lambda.updateFunctionConfiguration(b -> b.functionName("hook").memorySize(64)))
                .isInstanceOfSatisfying(LambdaException.class, e -> assertThat(e.awsErrorDetails().errorCode())
                        .isEqualTo("ValidationException"))
                .hasMessageContaining("Member must have value greater than or equal to 128");
        assertThatThrownBy(() -> lambda.updateFunctionConfiguration(b -> b.functionName("nowhere").timeout(5)))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("function:nowhere");
    }
}
