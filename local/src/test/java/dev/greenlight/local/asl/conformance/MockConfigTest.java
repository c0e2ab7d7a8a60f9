package dev.greenlight.local.asl.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.eval.Execution;
import dev.greenlight.local.asl.eval.ExecutionStatus;
import dev.greenlight.local.asl.task.Integrations;
import dev.greenlight.local.asl.task.MockConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Step Functions Local's mock configuration, with the example file of the developer guide's
 * "Configuration file for mocked service integrations" (docs.aws.amazon.com/step-functions/latest/dg/
 * sfn-local-mock-cfg-file.html): Return and Throw responses, answered per invocation "0", "1-2", "3";
 * states a test case does not mock call the real integration.
 */
class MockConfigTest {

    private static String resource(String name) {
        try (InputStream in = MockConfigTest.class.getResourceAsStream("/conformance/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "HappyPath  | 1 | 0 | 3bcb6e8e-8b51-4375-b0bc-1a59812c6e51",
            "RetryPath  | 4 | 6 | 3bcb6e8e-8b51-4375-b0bc-1a59812c6e51",
            "HybridPath | 1 | 0 | real-queue-message",
    })
    void testCaseAnswersEachInvocationFromItsMockedResponse(String testCase, int lambdaCalls, int seconds,
            String messageId) {
        Integrations real = call -> CompletableFuture.completedFuture(
                Json.parse("{\"MessageId\":\"real-queue-message\"}"));
        MockConfig config = MockConfig.of(Json.parse(resource("MockConfigFile.json")));
        Clocked run = new Clocked(config.testCase("LambdaSQSIntegration", testCase, real));
        Execution execution = run.start(resource("LambdaSQSIntegration.asl.json"), "{}");
        assertThat(run.finish(execution)).isEqualTo(Duration.ofSeconds(seconds));
        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(run.calls).filteredOn(call -> call.stateName().equals("LambdaState")).hasSize(lambdaCalls);
        assertThat(execution.output().path("body").asText()).isEqualTo("Hello from Lambda!");
        assertThat(execution.output().path("sqs").path("MessageId").asText()).isEqualTo(messageId);
    }

    /** The Throw of invocation "0" and of "1-2" are the errors the retrier sees, in order. */
    @ParameterizedTest(name = "max attempts {0}")
    @CsvSource({"0, Lambda.ResourceNotReadyException, Lambda resource is not ready.",
            "2, Lambda.TimeoutException, Lambda timed out."})
    void throwFailsTheTaskWithTheMockedErrorAndCause(int maxAttempts, String error, String cause) {
        MockConfig config = MockConfig.of(Json.parse(resource("MockConfigFile.json")));
        Clocked run = new Clocked(config.testCase("LambdaSQSIntegration", "RetryPath", call -> null));
        Execution execution = run.start(resource("LambdaSQSIntegration.asl.json")
                .replace("\"MaxAttempts\": 3", "\"MaxAttempts\": " + maxAttempts), "{}");
        run.finish(execution);
        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.error()).isEqualTo(error);
        assertThat(execution.cause()).isEqualTo(cause);
    }

    private static final String NESTED_MOCKS = """
            {"StateMachines": {"Nested": {"TestCases": {"Ok": {"Charge": "Charged", "Notify": "Notified"}}}},
             "MockedResponses": {
               "Charged": {"0": {"Return": {"receipt": "r-0"}}, "1-2": {"Return": {"receipt": "r-later"}}},
               "Notified": {"0": {"Throw": {"Error": "SNS.ThrottledException", "Cause": "slow down"}}}}}""";

    /** A mocked state answers wherever it is, inside a Map's iterations and a Parallel's branches alike. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Map       | {`StartAt`:`M`,`States`:{`M`:{`Type`:`Map`,`MaxConcurrency`:1,`ItemProcessor`:{`StartAt`:`Charge`,"
                + "`States`:{`Charge`:{`Type`:`Task`,`Resource`:`arn:aws:states:::lambda:invoke`,`End`:true}}},"
                + "`End`:true}}} | [{`receipt`:`r-0`},{`receipt`:`r-later`},{`receipt`:`r-later`}]",
        "Parallel  | {`StartAt`:`P`,`States`:{`P`:{`Type`:`Parallel`,`Branches`:[{`StartAt`:`Charge`,`States`:{`Charge`:{"
                + "`Type`:`Task`,`Resource`:`arn:aws:states:::lambda:invoke`,`End`:true}}},{`StartAt`:`Notify`,"
                + "`States`:{`Notify`:{`Type`:`Task`,`Resource`:`arn:aws:states:::sns:publish`,`Catch`:[{"
                + "`ErrorEquals`:[`States.ALL`],`Next`:`Caught`}],`End`:true},`Caught`:{`Type`:`Pass`,"
                + "`OutputPath`:`$.Error`,`End`:true}}}],`End`:true}}} | [{`receipt`:`r-0`},`SNS.ThrottledException`]",
    })
    void mockedStateAnswersInsideMapAndParallel(String where, String definition, String output) {
        MockConfig config = MockConfig.of(Json.parse(NESTED_MOCKS));
        Clocked run = new Clocked(config.testCase("Nested", "Ok", call -> {
            throw new IllegalStateException("not mocked: " + call.stateName());
        }));
        Execution execution = run.start(definition.replace('`', '"'), "[1, 2, 3]");
        run.finish(execution);
        assertThat(execution.status()).as("%s: %s", execution.error(), execution.cause())
                .isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(execution.output()).isEqualTo(Json.parse(output.replace('`', '"')));
    }
}
