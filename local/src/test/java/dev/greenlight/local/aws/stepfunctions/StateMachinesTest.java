package dev.greenlight.local.aws.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;
import software.amazon.awssdk.services.sfn.model.StateMachineStatus;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionDiagnostic;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResponse;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResultCode;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionSeverity;

/**
 * State machine operations as the Step Functions API reference describes them: CreateStateMachine
 * is idempotent on name, definition, type, logging and tracing, and refuses a different machine of
 * the same name; names are 1-80 characters without whitespace, brackets, wildcards or specials.
 */
class StateMachinesTest {

    static final String PASS = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}";
    static final String WAIT = "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":60,\"End\":true}}}";

    private final Twins twins = new Twins();

    @Test
    void createThenDescribe_showsTheMachineAsCreated() {
        String arn = twins.machine("orders", PASS);
        DescribeStateMachineResponse machine = twins.sfn.describeStateMachine(b -> b.stateMachineArn(arn));
        assertThat(arn).isEqualTo(Twins.MACHINES + "orders");
        assertThat(machine.name()).isEqualTo("orders");
        assertThat(machine.definition()).isEqualTo(PASS);
        assertThat(machine.roleArn()).isEqualTo(Twins.ROLE);
        assertThat(machine.type()).isEqualTo(StateMachineType.STANDARD);
        assertThat(machine.status()).isEqualTo(StateMachineStatus.ACTIVE);
        assertThat(machine.creationDate()).isEqualTo(twins.clock.now());
        assertThat(machine.loggingConfiguration().levelAsString()).isEqualTo("OFF");
    }

    @Test
    void identicalCreate_answersWithTheExistingMachine() {
        String arn = twins.machine("orders", PASS);
        twins.clock.advance(Duration.ofMinutes(1));
        var again = twins.sfn.createStateMachine(b -> b.name("orders").definition(PASS)
                .roleArn("arn:aws:iam::123456789012:role/another"));
        assertThat(again.stateMachineArn()).isEqualTo(arn);
        assertThat(again.creationDate()).isEqualTo(twins.clock.now().minus(Duration.ofMinutes(1)));
    }

    @Test
    void differentMachineWithTheSameName_isStateMachineAlreadyExists() {
        twins.machine("orders", PASS);
        assertError(() -> twins.machine("orders", WAIT), "StateMachineAlreadyExists",
                "State Machine Already Exists: '" + Twins.MACHINES + "orders'");
        assertError(() -> twins.sfn.createStateMachine(b -> b.name("orders").definition(PASS).roleArn(Twins.ROLE)
                .type(StateMachineType.EXPRESS)), "StateMachineAlreadyExists", null);
        assertThat(twins.sfn.describeStateMachine(b -> b.stateMachineArn(Twins.MACHINES + "orders")).definition())
                .isEqualTo(PASS);
    }

    @Test
    void definitionOverOneMebibyte_isAValidationExceptionAndNothingIsCreated() {
        String padded = PASS.replace("\"Type\"", " ".repeat(Definitions.MAX_LENGTH) + "\"Type\"");

        assertError(() -> twins.machine("huge", padded), "ValidationException",
                "1 validation error detected: Value '***' at 'definition' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 1048576");
        assertError(() -> twins.sfn.validateStateMachineDefinition(b -> b.definition(padded)), "ValidationException",
                null);
        assertThat(twins.sfn.listStateMachines(b -> { }).stateMachines()).isEmpty();
    }

    @Test
    void roleThatIsNotARoleArn_isInvalidArn() {
        assertError(() -> twins.sfn.createStateMachine(b -> b.name("orders").definition(PASS).roleArn("pipeline-role")),
                "InvalidArn", "Invalid Arn: 'Invalid ARN prefix: pipeline-role'");
        String arn = twins.machine("orders", PASS);
        assertError(() -> twins.sfn.updateStateMachine(b -> b.stateMachineArn(arn)
                .roleArn("arn:aws:sns:us-east-1:123456789012:topic")), "InvalidArn", null);
        assertThat(twins.sfn.describeStateMachine(b -> b.stateMachineArn(arn)).roleArn()).isEqualTo(Twins.ROLE);
    }

    @Test
    void invalidDefinition_isInvalidDefinitionWithTheParsersMessage() {
        assertError(() -> twins.machine("broken", "{\"StartAt\":\"Nope\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}"),
                "InvalidDefinition", "Invalid State Machine Definition: 'MISSING_TRANSITION_TARGET: Missing 'Next' "
                        + "target: Nope at /StartAt, MISSING_TRANSITION_TARGET: State \"P\" is not reachable. at /States/P'");
        assertThat(twins.sfn.listStateMachines(b -> { }).stateMachines()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "a/b", "a:b", "star*", "brace{", "dollar$", "tab\t",
            "x123456789x123456789x123456789x123456789x123456789x123456789x123456789x123456789x"})
    void badName_isInvalidName(String name) {
        assertError(() -> twins.machine(name, PASS), "InvalidName", "Invalid Name: '" + name + "'");
    }

    @Test
    void validate_reportsEachProblemAsAnErrorDiagnostic() {
        ValidateStateMachineDefinitionResponse response = twins.sfn.validateStateMachineDefinition(b -> b.definition(
                "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Next\":\"Nope\"},\"B\":{\"Type\":\"Pass\",\"End\":true}}}"));
        assertThat(response.result()).isEqualTo(ValidateStateMachineDefinitionResultCode.FAIL);
        assertThat(response.truncated()).isFalse();
        assertThat(response.diagnostics()).extracting(ValidateStateMachineDefinitionDiagnostic::severity)
                .containsOnly(ValidateStateMachineDefinitionSeverity.ERROR);
        assertThat(response.diagnostics()).extracting(ValidateStateMachineDefinitionDiagnostic::code)
                .contains("MISSING_TRANSITION_TARGET");
        assertThat(response.diagnostics()).extracting(ValidateStateMachineDefinitionDiagnostic::location)
                .contains("/States/A/Next");
        assertThat(twins.sfn.validateStateMachineDefinition(b -> b.definition(PASS)).result())
                .isEqualTo(ValidateStateMachineDefinitionResultCode.OK);
    }

    @Test
    void validate_truncatesToMaxResults() {
        ValidateStateMachineDefinitionResponse response = twins.sfn.validateStateMachineDefinition(b -> b.maxResults(1)
                .definition("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Next\":\"Nope\",\"Bad\":1},"
                        + "\"B\":{\"Type\":\"Pass\",\"End\":true}}}"));
        assertThat(response.diagnostics()).hasSize(1);
        assertThat(response.truncated()).isTrue();
    }

    @Test
    void update_changesTheDefinitionForNewExecutionsOnly() {
        String arn = twins.machine("orders", WAIT);
        String first = twins.sfn.startExecution(b -> b.stateMachineArn(arn)).executionArn();
        twins.clock.advance(Duration.ofSeconds(5));
        var updated = twins.sfn.updateStateMachine(b -> b.stateMachineArn(arn).definition(PASS));
        assertThat(updated.updateDate()).isEqualTo(twins.clock.now());
        assertThat(twins.sfn.describeStateMachine(b -> b.stateMachineArn(arn)).definition()).isEqualTo(PASS);
        assertThat(twins.sfn.describeStateMachineForExecution(b -> b.executionArn(first)).definition()).isEqualTo(WAIT);
        String second = twins.sfn.startExecution(b -> b.stateMachineArn(arn)).executionArn();
        assertThat(twins.sfn.describeStateMachineForExecution(b -> b.executionArn(second)).definition()).isEqualTo(PASS);
    }

    @Test
    void updateWithNothingToChange_isMissingRequiredParameter() {
        String arn = twins.machine("orders", PASS);
        assertError(() -> twins.sfn.updateStateMachine(b -> b.stateMachineArn(arn)), "MissingRequiredParameter", null);
    }

    @Test
    void delete_waitsForRunningExecutionsAndRefusesNewOnes() {
        String arn = twins.machine("orders", WAIT);
        String running = twins.sfn.startExecution(b -> b.stateMachineArn(arn)).executionArn();
        twins.sfn.deleteStateMachine(b -> b.stateMachineArn(arn));
        assertThat(twins.sfn.describeStateMachine(b -> b.stateMachineArn(arn)).status())
                .isEqualTo(StateMachineStatus.DELETING);
        assertError(() -> twins.sfn.startExecution(b -> b.stateMachineArn(arn)), "StateMachineDeleting", null);
        twins.clock.advance(Duration.ofSeconds(60));
        assertError(() -> twins.sfn.describeStateMachine(b -> b.stateMachineArn(arn)), "StateMachineDoesNotExist",
                "State Machine Does Not Exist: '" + arn + "'");
        assertError(() -> twins.sfn.describeExecution(b -> b.executionArn(running)), "ExecutionDoesNotExist", null);
    }

    @Test
    void list_pagesThroughMachinesByName() {
        twins.machine("b", PASS);
        twins.machine("a", PASS);
        twins.machine("c", PASS);
        var first = twins.sfn.listStateMachines(b -> b.maxResults(2));
        assertThat(first.stateMachines()).extracting(StateMachineListItem::name).containsExactly("a", "b");
        var second = twins.sfn.listStateMachines(b -> b.maxResults(2).nextToken(first.nextToken()));
        assertThat(second.stateMachines()).extracting(StateMachineListItem::name).containsExactly("c");
        assertThat(second.nextToken()).isNull();
        assertError(() -> twins.sfn.listStateMachines(b -> b.nextToken("garbage")), "InvalidToken", null);
    }

    @Test
    void malformedArn_isInvalidArn() {
        assertError(() -> twins.sfn.describeStateMachine(b -> b.stateMachineArn("orders")), "InvalidArn",
                "Invalid Arn: 'Invalid ARN prefix: orders'");
        assertError(() -> twins.sfn.describeStateMachine(b -> b.stateMachineArn(
                "arn:aws:states:us-east-1:123456789012:execution:orders:x")), "InvalidArn",
                "Invalid Arn: 'Resource type not valid in this context: execution'");
    }

    static void assertError(ThrowingCallable call, String code, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AwsServiceException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.statusCode()).isEqualTo(400);
            if (message != null) {
                assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
            }
        });
    }
}
