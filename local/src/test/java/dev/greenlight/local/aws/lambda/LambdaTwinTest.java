package dev.greenlight.local.aws.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.clock.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ListFunctionsResponse;

/**
 * Invoke as the Lambda API reference describes it: StatusCode 200 / 202 / 204 by invocation type,
 * FunctionError "Unhandled" with the runtime's error document, ExecutedVersion; Event invocations
 * are retried twice on a function error (one, then two minutes apart).
 */
class LambdaTwinTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final VirtualClock clock = new VirtualClock(START);
    private final LambdaTwin twin = new LambdaTwin(clock, new SplittableRandom(7));
    private final LambdaClient lambda = twin;
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();

    LambdaTwinTest() {
        twin.register("echo", event -> {
            events.add(event);
            return event;
        });
        twin.register("boom", event -> {
            events.add(event);
            throw new IllegalStateException("boom", new IllegalArgumentException("root"));
        });
    }

    @Test
    void requestResponse_answersWithTheEnvelopeAndThePayload() {
        InvokeResponse response = lambda.invoke(b -> b.functionName("echo").payload(SdkBytes.fromUtf8String("{\"a\":1}")));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.functionError()).isNull();
        assertThat(response.executedVersion()).isEqualTo("$LATEST");
        assertThat(response.payload().asUtf8String()).isEqualTo("{\"a\":1}");
    }

    @Test
    void unhandledException_isFunctionErrorWithTheJavaRuntimesErrorDocument() {
        InvokeResponse response = lambda.invoke(b -> b.functionName("boom").payload(SdkBytes.fromUtf8String("{}")));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.functionError()).isEqualTo("Unhandled");
        JsonNode document = Json.parse(response.payload().asUtf8String());
        assertThat(document.path("errorMessage").asText()).isEqualTo("boom");
        assertThat(document.path("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(document.path("stackTrace").get(0).asText()).contains("LambdaTwinTest").contains(".java:");
        assertThat(document.path("cause").path("errorType").asText()).isEqualTo("java.lang.IllegalArgumentException");
        assertThat(document.path("cause").path("errorMessage").asText()).isEqualTo("root");
    }

    @Test
    void functionOutlivingItsTimeout_answersLambdasTimeoutDocumentAtTheTimeout() {
        twin.register("slow", FunctionSettings.java("local.Slow::handleRequest").withTimeout(5),
                payload -> new CompletableFuture<>());
        InvokeResponse response = lambda.invoke(b -> b.functionName("slow"));
        assertThat(clock.now()).isEqualTo(START.plusSeconds(5));
        assertThat(response.functionError()).isEqualTo("Unhandled");
        assertThat(Json.parse(response.payload().asUtf8String()).path("errorMessage").asText())
                .startsWith("2026-01-01T00:00:05.000Z ")
                .endsWith(" Task timed out after 5.00 seconds");
    }

    @Test
    void event_isAcceptedWith202AndRunsOnTheClock() {
        InvokeResponse response = lambda.invoke(b -> b.functionName("echo").invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String("{\"n\":1}")));
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(events).isEmpty();
        clock.runUntilIdle();
        assertThat(events).extracting(JsonNode::toString).containsExactly("{\"n\":1}");
    }

    @Test
    void failingEvent_isRetriedTwiceOneThenTwoMinutesApart() {
        lambda.invoke(b -> b.functionName("boom").invocationType(InvocationType.EVENT));
        clock.advance(Duration.ofSeconds(59));
        assertThat(events).hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(events).hasSize(2);
        clock.advance(Duration.ofSeconds(119));
        assertThat(events).hasSize(2);
        clock.runUntilIdle();
        assertThat(events).hasSize(3);
        assertThat(clock.now()).isEqualTo(START.plusSeconds(180));
    }

    @Test
    void dryRun_checksAndAnswers204WithoutRunning() {
        InvokeResponse response = lambda.invoke(b -> b.functionName("echo").invocationType(InvocationType.DRY_RUN));
        clock.runUntilIdle();
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(events).isEmpty();
    }

    @ParameterizedTest(name = "{0} qualifier {1}")
    @CsvSource(nullValues = "-", value = {
            "nope,                                               -,  arn:aws:lambda:us-east-1:123456789012:function:nope",
            "arn:aws:lambda:us-east-1:123456789012:function:nope, -, arn:aws:lambda:us-east-1:123456789012:function:nope",
            "echo,                                               v1, arn:aws:lambda:us-east-1:123456789012:function:echo:v1",
            "echo:prod,                                          -,  arn:aws:lambda:us-east-1:123456789012:function:echo:prod"})
    void unknownFunctionOrQualifier_isResourceNotFound(String name, String qualifier, String arn) {
        assertThatThrownBy(() -> lambda.invoke(b -> b.functionName(name).qualifier(qualifier)))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Function not found: " + arn);
                });
    }

    @Test
    void qualifiedNamesOfLatest_reachTheFunction() {
        assertThat(lambda.invoke(b -> b.functionName("123456789012:function:echo:$LATEST")).statusCode())
                .isEqualTo(200);
        assertThat(lambda.invoke(b -> b.functionName("echo").qualifier("$LATEST")).statusCode()).isEqualTo(200);
    }

    @Test
    void conflictingQualifiers_areInvalidParameterValue() {
        assertThatThrownBy(() -> lambda.invoke(b -> b.functionName("echo:a").qualifier("b")))
                .isInstanceOfSatisfying(AwsServiceException.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValueException"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"not json", "{\"a\":", "{} {}"})
    void payloadThatIsNotJson_isInvalidRequestContentAndRunsNothing(String payload) {
        assertThatThrownBy(() -> lambda.invoke(b -> b.functionName("echo").payload(SdkBytes.fromUtf8String(payload))))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidRequestContentException");
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).startsWith("Could not parse request body into json");
                });
        clock.runUntilIdle();
        assertThat(events).isEmpty();
    }

    @Test
    void eventPayloadOverOneMegabyte_isRequestTooLarge() {
        String big = "\"" + "x".repeat(LambdaTwin.ASYNC_PAYLOAD_LIMIT) + "\"";
        assertThatThrownBy(() -> lambda.invoke(b -> b.functionName("echo").invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String(big))))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("RequestTooLargeException");
                    assertThat(e.statusCode()).isEqualTo(413);
                });
    }

    @Test
    void configuration_showsTheRegisteredSettings() {
        twin.register("worker", FunctionSettings.java("dev.greenlight.Worker::handleRequest").withTimeout(30)
                .withMemorySize(512), FunctionCode.bytes(payload -> payload));
        GetFunctionConfigurationResponse configuration = lambda.getFunctionConfiguration(b -> b.functionName("worker"));
        assertThat(configuration.functionArn()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:worker");
        assertThat(configuration.handler()).isEqualTo("dev.greenlight.Worker::handleRequest");
        assertThat(configuration.timeout()).isEqualTo(30);
        assertThat(configuration.memorySize()).isEqualTo(512);
        assertThat(configuration.runtimeAsString()).isEqualTo("java21");
        assertThat(configuration.version()).isEqualTo("$LATEST");
        assertThat(configuration.lastModified()).isEqualTo("2026-01-01T00:00:00.000+0000");
        assertThat(lambda.getFunction(b -> b.functionName("worker")).configuration().timeout()).isEqualTo(30);
    }

    @Test
    void listFunctions_pagesByMarkerInNameOrder() {
        twin.register("worker", event -> event);
        ListFunctionsResponse first = lambda.listFunctions(b -> b.maxItems(2));
        assertThat(first.functions()).extracting(FunctionConfiguration::functionName).containsExactly("boom", "echo");
        ListFunctionsResponse second = lambda.listFunctions(b -> b.marker(first.nextMarker()).maxItems(2));
        assertThat(second.functions()).extracting(FunctionConfiguration::functionName).containsExactly("worker");
        assertThat(second.nextMarker()).isNull();
        assertThat(lambda.listFunctionsPaginator(b -> b.maxItems(1)).functions())
                .extracting(FunctionConfiguration::functionName).containsExactly("boom", "echo", "worker");
    }
}
