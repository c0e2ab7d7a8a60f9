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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * CreateFunction from a jar built in the test, through the SDK's LambdaClient: the Java handler
 * runs from the package in its own class loader; the other runtimes are recorded and answer
 * Invoke with a runtime error; resource policies read back as GetPolicy returns them.
 */
class FunctionsFromCodeTest {

    private static final byte[] JAR = HandlerJar.build();
    private static final String ROLE = "arn:aws:iam::123456789012:role/hook";

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final LambdaClient lambda = new LambdaTwin(clock, new SplittableRandom(3));

    private CreateFunctionResponse create(String name, String runtime, String handler) {
        return lambda.createFunction(b -> b.functionName(name).runtime(runtime).handler(handler).role(ROLE)
                .memorySize(256).timeout(10)
                .environment(e -> e.variables(Map.of("GREETING", "hello")))
                .code(c -> c.zipFile(SdkBytes.fromByteArray(JAR))));
    }

    private InvokeResponse invoke(String name, String payload) {
        return lambda.invoke(b -> b.functionName(name).payload(SdkBytes.fromUtf8String(payload)));
    }

    @Test
    void aRequestHandlerRunsFromTheJar_withTheEnvironmentInItsContext() {
        CreateFunctionResponse created = create("greeter", "java21", "hook.Greeter::handleRequest");

        assertThat(created.functionArn()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:greeter");
        assertThat(created.codeSize()).isEqualTo(JAR.length);
        assertThat(created.environment().variables()).containsEntry("GREETING", "hello");
        InvokeResponse response = invoke("greeter", "{\"name\":\"ada\"}");
        assertThat(response.functionError()).isNull();
        JsonNode answer = Json.parse(response.payload().asUtf8String());
        assertThat(answer.path("greeting").asText()).isEqualTo("hello ada");
        assertThat(answer.path("function").asText()).isEqualTo("greeter");
        assertThat(answer.path("memory").asInt()).isEqualTo(256);
    }

    @Test
    void streamHandlers_classOnlyHandlers_andNamedMethodsRun() {
        create("echo", "java17", "hook.Echo");
        create("plain", "java11", "hook.Plain::shout");

        assertThat(invoke("echo", "{\"a\":[1,2]}").payload().asUtf8String()).isEqualTo("{\"a\":[1,2]}");
        assertThat(invoke("plain", "\"quiet\"").payload().asUtf8String()).isEqualTo("\"QUIET\"");
    }

    @Test
    void aThrowingHandler_andAMissingClass_areUnhandledFunctionErrors() {
        create("broken", "java21", "hook.Broken");
        create("missing", "java21", "hook.Nowhere::handleRequest");

        InvokeResponse broken = invoke("broken", "{}");
        assertThat(broken.functionError()).isEqualTo("Unhandled");
        JsonNode error = Json.parse(broken.payload().asUtf8String());
        assertThat(error.path("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(error.path("errorMessage").asText()).isEqualTo("hook refused");
        JsonNode missing = Json.parse(invoke("missing", "{}").payload().asUtf8String());
        assertThat(missing.path("errorType").asText()).isEqualTo("java.lang.ClassNotFoundException");
        assertThat(missing.path("errorMessage").asText()).isEqualTo("Class not found: hook.Nowhere");
    }

    @Test
    void anotherRuntime_isRecorded_andInvokeAnswersARuntimeError() {
        create("py", "python3.12", "app.handler");

        assertThat(lambda.getFunctionConfiguration(b -> b.functionName("py")).runtimeAsString())
                .isEqualTo("python3.12");
        InvokeResponse response = invoke("py", "{}");
        assertThat(response.functionError()).isEqualTo("Unhandled");
        JsonNode error = Json.parse(response.payload().asUtf8String());
        assertThat(error.path("errorType").asText()).isEqualTo("Runtime.InvalidEntrypoint");
        assertThat(error.path("errorMessage").asText()).contains("python3.12", "java21");
    }

    @Test
    void anExistingName_isAConflict_andUpdateFunctionCodeReplacesTheCode() {
        create("greeter", "java21", "hook.Echo");

        assertThatThrownBy(() -> create("greeter", "java21", "hook.Echo"))
                .isInstanceOf(ResourceConflictException.class)
                .hasMessageContaining("Function already exist: greeter");
        lambda.updateFunctionCode(b -> b.functionName("greeter").zipFile(SdkBytes.fromByteArray(JAR)));
        lambda.updateFunctionCode(b -> b.functionName("greeter").zipFile(SdkBytes.fromByteArray(JAR)));
        assertThat(invoke("greeter", "{\"b\":2}").payload().asUtf8String()).isEqualTo("{\"b\":2}");
        assertThat(lambda.getFunction(b -> b.functionName("greeter")).configuration().codeSha256())
                .isEqualTo(FunctionPackages.sha256(JAR));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown runtime      | java99    | hook.Echo  | arn:aws:iam::123456789012:role/hook | 128   | 3   | at 'runtime' failed to satisfy constraint
            handler with a space | java21    | hook Echo  | arn:aws:iam::123456789012:role/hook | 128   | 3   | at 'handler' failed to satisfy constraint
            role that is no ARN  | java21    | hook.Echo  | hook-role                           | 128   | 3   | at 'role' failed to satisfy constraint
            memory under 128     | java21    | hook.Echo  | arn:aws:iam::123456789012:role/hook | 64    | 3   | Member must have value greater than or equal to 128
            memory over 10240    | java21    | hook.Echo  | arn:aws:iam::123456789012:role/hook | 20000 | 3   | Member must have value less than or equal to 10240
            timeout over 900     | java21    | hook.Echo  | arn:aws:iam::123456789012:role/hook | 128   | 901 | Member must have value less than or equal to 900
            """)
    void constraintViolations_areValidationExceptions(String title, String runtime, String handler, String role,
            int memory, int timeout, String message) {
        assertThatThrownBy(() -> lambda.createFunction(b -> b.functionName("f").runtime(runtime).handler(handler)
                .role(role).memorySize(memory).timeout(timeout).code(c -> c.zipFile(SdkBytes.fromByteArray(JAR)))))
                .isInstanceOfSatisfying(LambdaException.class, e -> assertThat(e.awsErrorDetails().errorCode())
                        .isEqualTo("ValidationException"))
                .hasMessageContaining("1 validation error detected")
                .hasMessageContaining(message);
    }

    @Test
    void aMaxItemsOutOfRangeAndAPermissionWithoutPrincipal_areValidationExceptions() {
        create("hook", "java21", "hook.Echo");

        assertThatThrownBy(() -> lambda.listFunctions(b -> b.maxItems(0)))
                .hasMessageContaining("Value '0' at 'maxItems' failed to satisfy constraint")
                .isInstanceOfSatisfying(LambdaException.class, e -> assertThat(e.awsErrorDetails().errorCode())
                        .isEqualTo("ValidationException"));
        assertThatThrownBy(() -> lambda.addPermission(b -> b.functionName("hook").statementId("s")
                .action("lambda:InvokeFunction")))
                .hasMessageContaining("Value null at 'principal' failed to satisfy constraint: Member must not be null")
                .isInstanceOfSatisfying(LambdaException.class, e -> assertThat(e.awsErrorDetails().errorCode())
                        .isEqualTo("ValidationException"));
    }

    @Test
    void bytesThatAreNoZip_cannotBeUnzipped() {
        assertThatThrownBy(() -> lambda.createFunction(CreateFunctionRequest.builder().functionName("f")
                .runtime("java21").handler("hook.Echo").role(ROLE)
                .code(c -> c.zipFile(SdkBytes.fromUtf8String("not a zip"))).build()))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("Could not unzip uploaded file");
    }

    @Test
    void permissions_readBackAsTheResourcePolicy_andDuplicatesConflict() {
        create("hook", "java21", "hook.Echo");
        assertThatThrownBy(() -> lambda.getPolicy(b -> b.functionName("hook")))
                .isInstanceOf(ResourceNotFoundException.class);

        String statement = lambda.addPermission(b -> b.functionName("hook").statementId("codedeploy")
                .action("lambda:InvokeFunction").principal("codedeploy.amazonaws.com")
                .sourceArn("arn:aws:codedeploy:us-east-1:123456789012:deploymentgroup:orders/orders-dg")).statement();
        lambda.addPermission(b -> b.functionName("hook").statementId("account").action("lambda:GetFunction")
                .principal("210987654321"));

        assertThat(Json.parse(statement).path("Principal").path("Service").asText())
                .isEqualTo("codedeploy.amazonaws.com");
        JsonNode policy = Json.parse(lambda.getPolicy(b -> b.functionName("hook")).policy());
        assertThat(policy.path("Version").asText()).isEqualTo("2012-10-17");
        assertThat(policy.at("/Statement/0/Condition/ArnLike/AWS:SourceArn").asText()).endsWith("orders-dg");
        assertThat(policy.at("/Statement/0/Resource").asText())
                .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:hook");
        assertThat(policy.at("/Statement/1/Principal/AWS").asText()).isEqualTo("arn:aws:iam::210987654321:root");
        assertThatThrownBy(() -> lambda.addPermission(b -> b.functionName("hook").statementId("account")
                .action("lambda:InvokeFunction").principal("*")))
                .isInstanceOf(ResourceConflictException.class)
                .hasMessageContaining("The statement id (account) provided already exists");

        lambda.removePermission(b -> b.functionName("hook").statementId("codedeploy"));
        assertThat(Json.parse(lambda.getPolicy(b -> b.functionName("hook")).policy()).path("Statement")).hasSize(1);
        assertThatThrownBy(() -> lambda.removePermission(b -> b.functionName("hook").statementId("codedeploy")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void deleteFunction_removesTheFunctionAndItsPolicy() {
        create("hook", "java21", "hook.Echo");
        lambda.addPermission(b -> b.functionName("hook").statementId("s").action("lambda:InvokeFunction")
                .principal("*"));

        lambda.deleteFunction(b -> b.functionName("hook"));

        assertThatThrownBy(() -> lambda.getFunction(b -> b.functionName("hook")))
                .isInstanceOf(ResourceNotFoundException.class);
        create("hook", "java21", "hook.Echo");
        assertThatThrownBy(() -> lambda.getPolicy(b -> b.functionName("hook")))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
