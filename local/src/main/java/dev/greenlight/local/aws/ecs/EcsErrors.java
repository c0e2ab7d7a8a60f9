package dev.greenlight.local.aws.ecs;

import dev.greenlight.local.aws.AwsErrors;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.ClusterContainsServicesException;
import software.amazon.awssdk.services.ecs.model.ClusterContainsTasksException;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.PlatformTaskDefinitionIncompatibilityException;
import software.amazon.awssdk.services.ecs.model.PlatformUnknownException;
import software.amazon.awssdk.services.ecs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ecs.model.ServiceNotActiveException;
import software.amazon.awssdk.services.ecs.model.ServiceNotFoundException;
import software.amazon.awssdk.services.ecs.model.TaskSetNotFoundException;

/** ECS's errors, with the codes and (where they could be found) the messages AWS sends; all are HTTP 400. */
final class EcsErrors {

    private EcsErrors() {
    }

    static EcsException clusterNotFound() {
        return AwsErrors.of(ClusterNotFoundException.builder(), "ClusterNotFoundException", "Cluster not found.", 400);
    }

    static EcsException serviceNotFound() {
        return AwsErrors.of(ServiceNotFoundException.builder(), "ServiceNotFoundException", "Service not found.", 400);
    }

    static EcsException serviceNotActive() {
        return AwsErrors.of(ServiceNotActiveException.builder(), "ServiceNotActiveException", "Service was not ACTIVE.",
                400);
    }

    static EcsException taskSetNotFound() {
        return AwsErrors.of(TaskSetNotFoundException.builder(), "TaskSetNotFoundException",
                "The specified task set does not exist.", 400);
    }

    static EcsException unknownTaskDefinition() {
        return client("Unable to describe task definition.");
    }

    static EcsException client(String message) {
        return AwsErrors.of(ClientException.builder(), "ClientException", message, 400);
    }

    static EcsException invalidParameter(String message) {
        return AwsErrors.of(InvalidParameterException.builder(), "InvalidParameterException", message, 400);
    }

    static EcsException platformUnknown() {
        return AwsErrors.of(PlatformUnknownException.builder(), "PlatformUnknownException",
                "The specified platform does not exist.", 400);
    }

    static EcsException platformIncompatible() {
        return AwsErrors.of(PlatformTaskDefinitionIncompatibilityException.builder(),
                "PlatformTaskDefinitionIncompatibilityException",
                "One or more of the requested capabilities are not supported.", 400);
    }

    static EcsException clusterContainsServices() {
        return AwsErrors.of(ClusterContainsServicesException.builder(), "ClusterContainsServicesException",
                "The Cluster cannot be deleted while Services are active.", 400);
    }

    static EcsException clusterContainsTasks() {
        return AwsErrors.of(ClusterContainsTasksException.builder(), "ClusterContainsTasksException",
                "The Cluster cannot be deleted while Tasks are active.", 400);
    }

    /** TagResource's and its kin's missing resource; AWS does not publish the message, this one is ours. */
    static EcsException resourceNotFound(String arn) {
        return AwsErrors.of(ResourceNotFoundException.builder(), "ResourceNotFoundException",
                "The specified resource could not be found: " + arn, 400);
    }

    /** AWS does not publish this message. */
    static EcsException serviceDeploymentNotFound(String arn) {
        return AwsErrors.of(software.amazon.awssdk.services.ecs.model.ServiceDeploymentNotFoundException.builder(),
                "ServiceDeploymentNotFoundException", "The service deployment " + arn + " does not exist.", 400);
    }

    /** A service deployment that has ended cannot be stopped; AWS does not publish the message. */
    static EcsException conflict(String message) {
        return AwsErrors.of(software.amazon.awssdk.services.ecs.model.ConflictException.builder(),
                "ConflictException", message, 400);
    }
}
