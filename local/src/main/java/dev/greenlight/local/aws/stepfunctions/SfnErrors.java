package dev.greenlight.local.aws.stepfunctions;

import dev.greenlight.local.aws.AwsErrors;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionNotRedrivableException;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.InvalidExecutionInputException;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.InvalidOutputException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.MissingRequiredParameterException;
import software.amazon.awssdk.services.sfn.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.StateMachineAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StateMachineDeletingException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineTypeNotSupportedException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/**
 * Step Functions' errors: every one is HTTP 400, and the wire code drops the "Exception" of the
 * SDK class name ({@code ExecutionDoesNotExist}), except ValidationException.
 */
final class SfnErrors {

    private SfnErrors() {
    }

    static SfnException stateMachineDoesNotExist(String arn) {
        return AwsErrors.of(StateMachineDoesNotExistException.builder(), "StateMachineDoesNotExist",
                "State Machine Does Not Exist: '" + arn + "'", 400);
    }

    static SfnException stateMachineAlreadyExists(String arn) {
        return AwsErrors.of(StateMachineAlreadyExistsException.builder(), "StateMachineAlreadyExists",
                "State Machine Already Exists: '" + arn + "'", 400);
    }

    static SfnException stateMachineDeleting(String arn) {
        return AwsErrors.of(StateMachineDeletingException.builder(), "StateMachineDeleting",
                "State machine is being deleted: '" + arn + "'", 400);
    }

    static SfnException typeNotSupported(String message) {
        return AwsErrors.of(StateMachineTypeNotSupportedException.builder(), "StateMachineTypeNotSupported",
                message, 400);
    }

    static SfnException executionDoesNotExist(String arn) {
        return AwsErrors.of(ExecutionDoesNotExistException.builder(), "ExecutionDoesNotExist",
                "Execution Does Not Exist: '" + arn + "'", 400);
    }

    /**
     * RedriveExecution of an execution that cannot be redriven. AWS does not publish this message's wording:
     * it names the execution and gives the redriveStatusReason DescribeExecution documents.
     */
    static SfnException executionNotRedrivable(String arn, String reason) {
        return AwsErrors.of(ExecutionNotRedrivableException.builder(), "ExecutionNotRedrivable",
                "Execution '" + arn + "' cannot be redriven: " + reason, 400);
    }

    /** DescribeMapRun of an unknown Map Run; AWS does not publish this message's wording. */
    static SfnException mapRunDoesNotExist(String arn) {
        return AwsErrors.of(ResourceNotFoundException.builder(), "ResourceNotFound",
                "Map Run Does Not Exist: '" + arn + "'", 400);
    }

    static SfnException executionAlreadyExists(String arn) {
        return AwsErrors.of(ExecutionAlreadyExistsException.builder(), "ExecutionAlreadyExists",
                "Execution Already Exists: '" + arn + "'", 400);
    }

    static SfnException invalidDefinition(String message) {
        return AwsErrors.of(InvalidDefinitionException.builder(), "InvalidDefinition", message, 400);
    }

    static SfnException invalidName(String name) {
        return AwsErrors.of(InvalidNameException.builder(), "InvalidName", "Invalid Name: '" + name + "'", 400);
    }

    static SfnException invalidArn(String reason) {
        return AwsErrors.of(InvalidArnException.builder(), "InvalidArn", "Invalid Arn: '" + reason + "'", 400);
    }

    static SfnException invalidExecutionInput(String reason) {
        return AwsErrors.of(InvalidExecutionInputException.builder(), "InvalidExecutionInput",
                "Invalid State Machine Execution Input: '" + reason + "'", 400);
    }

    static SfnException invalidOutput(String reason) {
        return AwsErrors.of(InvalidOutputException.builder(), "InvalidOutput", "Invalid Output: '" + reason + "'",
                400);
    }

    /** An unreadable pagination token. */
    static SfnException invalidToken(String token) {
        return AwsErrors.of(InvalidTokenException.builder(), "InvalidToken", "Invalid Token: '" + token + "'", 400);
    }

    /** SendTask* refused, with the engine's code: InvalidToken, TaskDoesNotExist or TaskTimedOut. */
    static SfnException taskToken(String code, String message) {
        return switch (code) {
            case "InvalidToken" -> AwsErrors.of(InvalidTokenException.builder(), code, message, 400);
            case "TaskTimedOut" -> AwsErrors.of(TaskTimedOutException.builder(), code, message, 400);
            default -> AwsErrors.of(TaskDoesNotExistException.builder(), code, message, 400);
        };
    }

    static SfnException missingRequiredParameter(String message) {
        return AwsErrors.of(MissingRequiredParameterException.builder(), "MissingRequiredParameter", message, 400);
    }

    /** The wording of AWS's request validation ("1 validation error detected: ..."). */
    static SfnException validation(String value, String member, String constraint) {
        return AwsErrors.of(ValidationException.builder(), "ValidationException", "1 validation error detected: Value "
                + value + " at '" + member + "' failed to satisfy constraint: " + constraint, 400);
    }
}
