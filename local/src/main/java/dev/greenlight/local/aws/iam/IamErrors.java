package dev.greenlight.local.aws.iam;

import dev.greenlight.local.aws.AwsErrors;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.InvalidInputException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * IAM's refusals with the codes and statuses of the IAM API reference (NoSuchEntity 404,
 * EntityAlreadyExists and DeleteConflict 409). The messages are those AWS answers in practice;
 * AWS does not publish their exact wording.
 */
final class IamErrors {

    private IamErrors() {
    }

    static NoSuchEntityException noSuchEntity(String message) {
        return AwsErrors.of(NoSuchEntityException.builder(), "NoSuchEntity", message, 404);
    }

    static NoSuchEntityException noSuchRole(String roleName) {
        return noSuchEntity("The role with name " + roleName + " cannot be found.");
    }

    static EntityAlreadyExistsException alreadyExists(String message) {
        return AwsErrors.of(EntityAlreadyExistsException.builder(), "EntityAlreadyExists", message, 409);
    }

    static DeleteConflictException deleteConflict(String message) {
        return AwsErrors.of(DeleteConflictException.builder(), "DeleteConflict", message, 409);
    }

    static MalformedPolicyDocumentException malformed(String message) {
        return AwsErrors.of(MalformedPolicyDocumentException.builder(), "MalformedPolicyDocument", message, 400);
    }

    static InvalidInputException invalidInput(String message) {
        return AwsErrors.of(InvalidInputException.builder(), "InvalidInput", message, 400);
    }

    static LimitExceededException limitExceeded(String message) {
        return AwsErrors.of(LimitExceededException.builder(), "LimitExceeded", message, 409);
    }

    /** A parameter outside its documented pattern or length: AWS's generic ValidationError, unmodeled in the SDK. */
    static IamException validation(String member, Object value, String constraint) {
        return AwsErrors.of(IamException.builder(), "ValidationError", "1 validation error detected: Value '" + value
                + "' at '" + member + "' failed to satisfy constraint: " + constraint, 400);
    }
}
