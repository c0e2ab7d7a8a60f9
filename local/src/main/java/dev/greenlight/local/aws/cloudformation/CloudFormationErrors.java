package dev.greenlight.local.aws.cloudformation;

import dev.greenlight.local.aws.AwsErrors;
import software.amazon.awssdk.services.cloudformation.model.AlreadyExistsException;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetNotFoundException;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.InsufficientCapabilitiesException;
import software.amazon.awssdk.services.cloudformation.model.InvalidChangeSetStatusException;

/**
 * CloudFormation's refusals. Most are a {@code ValidationError} whose message says what is wrong;
 * the wording follows what AWS answers (AWS publishes the codes, not every message).
 */
final class CloudFormationErrors {

    private CloudFormationErrors() {
    }

    static CloudFormationException validation(String message) {
        return AwsErrors.of(CloudFormationException.builder(), "ValidationError", message, 400);
    }

    static CloudFormationException stackNotFound(String nameOrId) {
        return validation("Stack with id " + nameOrId + " does not exist");
    }

    static AlreadyExistsException stackExists(String name) {
        return AwsErrors.of(AlreadyExistsException.builder(), "AlreadyExistsException",
                "Stack [" + name + "] already exists", 400);
    }

    static AlreadyExistsException changeSetExists(String name) {
        return AwsErrors.of(AlreadyExistsException.builder(), "AlreadyExistsException",
                "ChangeSet " + name + " already exists", 400);
    }

    static ChangeSetNotFoundException changeSetNotFound(String nameOrArn) {
        return AwsErrors.of(ChangeSetNotFoundException.builder(), "ChangeSetNotFound",
                "ChangeSet [" + nameOrArn + "] does not exist", 404);
    }

    static InvalidChangeSetStatusException changeSetNotAvailable(String arn, String status) {
        return AwsErrors.of(InvalidChangeSetStatusException.builder(), "InvalidChangeSetStatus",
                "ChangeSet [" + arn + "] cannot be executed in its current status of [" + status + "]", 400);
    }

    static InsufficientCapabilitiesException capabilities(String capability) {
        return AwsErrors.of(InsufficientCapabilitiesException.builder(), "InsufficientCapabilitiesException",
                "Requires capabilities : [" + capability + "]", 400);
    }

    static CloudFormationException notUpdatable(String stackId, String status) {
        return validation("Stack:" + stackId + " is in " + status + " state and can not be updated.");
    }

    static CloudFormationException templateError(String message) {
        return validation("Template error: " + message);
    }

    static CloudFormationException formatError(String message) {
        return validation("Template format error: " + message);
    }
}
