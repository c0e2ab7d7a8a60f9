package dev.greenlight.local.aws.codedeploy;

import dev.greenlight.local.aws.AwsErrors;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.codedeploy.model.AlarmsLimitExceededException;
import software.amazon.awssdk.services.codedeploy.model.InvalidComputePlatformException;
import software.amazon.awssdk.services.codedeploy.model.ApplicationAlreadyExistsException;
import software.amazon.awssdk.services.codedeploy.model.ApplicationDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.ApplicationNameRequiredException;
import software.amazon.awssdk.services.codedeploy.model.CodeDeployException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentAlreadyCompletedException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentConfigAlreadyExistsException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentConfigDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentConfigNameRequiredException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentGroupAlreadyExistsException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentGroupDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentGroupNameRequiredException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentIdRequiredException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentIsNotInReadyStateException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentLimitExceededException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentNotStartedException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentTargetDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentTargetIdRequiredException;
import software.amazon.awssdk.services.codedeploy.model.InvalidAlarmConfigException;
import software.amazon.awssdk.services.codedeploy.model.InvalidAutoRollbackConfigException;
import software.amazon.awssdk.services.codedeploy.model.InvalidBlueGreenDeploymentConfigurationException;
import software.amazon.awssdk.services.codedeploy.model.InvalidDeploymentConfigNameException;
import software.amazon.awssdk.services.codedeploy.model.InvalidDeploymentIdException;
import software.amazon.awssdk.services.codedeploy.model.InvalidDeploymentStyleException;
import software.amazon.awssdk.services.codedeploy.model.InvalidDeploymentWaitTypeException;
import software.amazon.awssdk.services.codedeploy.model.InvalidEcsServiceException;
import software.amazon.awssdk.services.codedeploy.model.InvalidLifecycleEventHookExecutionIdException;
import software.amazon.awssdk.services.codedeploy.model.InvalidLifecycleEventHookExecutionStatusException;
import software.amazon.awssdk.services.codedeploy.model.InvalidLoadBalancerInfoException;
import software.amazon.awssdk.services.codedeploy.model.InvalidRevisionException;
import software.amazon.awssdk.services.codedeploy.model.InvalidTargetGroupPairException;
import software.amazon.awssdk.services.codedeploy.model.InvalidTrafficRoutingConfigurationException;
import software.amazon.awssdk.services.codedeploy.model.LifecycleEventAlreadyCompletedException;
import software.amazon.awssdk.services.codedeploy.model.RevisionDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.RevisionRequiredException;
import software.amazon.awssdk.services.codedeploy.model.RoleRequiredException;

/**
 * CodeDeploy's errors as the service returns them: awsJson1_1 with the exception's name as the
 * error code, HTTP 400. Messages follow AWS's API reference wording where it gives one.
 */
final class CodeDeployErrors {

    private CodeDeployErrors() {
    }

    static CodeDeployException applicationNameRequired() {
        return of(ApplicationNameRequiredException.builder(), "ApplicationNameRequiredException",
                "The minimum number of required application names was not specified.");
    }

    static CodeDeployException applicationAlreadyExists(String name) {
        return of(ApplicationAlreadyExistsException.builder(), "ApplicationAlreadyExistsException",
                "The application already exists with the IAM user or AWS account: " + name);
    }

    static CodeDeployException applicationDoesNotExist(String name) {
        return of(ApplicationDoesNotExistException.builder(), "ApplicationDoesNotExistException",
                "No application found for name: " + name);
    }

    static CodeDeployException deploymentGroupNameRequired() {
        return of(DeploymentGroupNameRequiredException.builder(), "DeploymentGroupNameRequiredException",
                "The deployment group name was not specified.");
    }

    static CodeDeployException deploymentGroupAlreadyExists(String name) {
        return of(DeploymentGroupAlreadyExistsException.builder(), "DeploymentGroupAlreadyExistsException",
                "A deployment group with the specified name already exists: " + name);
    }

    static CodeDeployException deploymentGroupDoesNotExist(String name) {
        return of(DeploymentGroupDoesNotExistException.builder(), "DeploymentGroupDoesNotExistException",
                "No Deployment Group found for name: " + name);
    }

    static CodeDeployException roleRequired() {
        return of(RoleRequiredException.builder(), "RoleRequiredException", "The role ID was not specified.");
    }

    static CodeDeployException deploymentConfigNameRequired() {
        return of(DeploymentConfigNameRequiredException.builder(), "DeploymentConfigNameRequiredException",
                "The deployment configuration name was not specified.");
    }

    static CodeDeployException deploymentConfigAlreadyExists(String name) {
        return of(DeploymentConfigAlreadyExistsException.builder(), "DeploymentConfigAlreadyExistsException",
                "A deployment configuration with the specified name already exists: " + name);
    }

    static CodeDeployException deploymentConfigDoesNotExist(String name) {
        return of(DeploymentConfigDoesNotExistException.builder(), "DeploymentConfigDoesNotExistException",
                "No deployment configuration found for name: " + name);
    }

    static CodeDeployException invalidDeploymentConfigName(String message) {
        return of(InvalidDeploymentConfigNameException.builder(), "InvalidDeploymentConfigNameException", message);
    }

    /** The wording is the exception's documentation; AWS does not publish the message itself. */
    static CodeDeployException invalidComputePlatform() {
        return of(InvalidComputePlatformException.builder(), "InvalidComputePlatformException",
                "The computePlatform is invalid. The computePlatform should be Lambda, Server, or ECS.");
    }

    static CodeDeployException invalidTrafficRouting(String message) {
        return of(InvalidTrafficRoutingConfigurationException.builder(),
                "InvalidTrafficRoutingConfigurationException", message);
    }

    static CodeDeployException invalidDeploymentStyle(String message) {
        return of(InvalidDeploymentStyleException.builder(), "InvalidDeploymentStyleException", message);
    }

    static CodeDeployException invalidBlueGreenConfiguration(String message) {
        return of(InvalidBlueGreenDeploymentConfigurationException.builder(),
                "InvalidBlueGreenDeploymentConfigurationException", message);
    }

    static CodeDeployException invalidAutoRollbackConfig(String message) {
        return of(InvalidAutoRollbackConfigException.builder(), "InvalidAutoRollbackConfigException", message);
    }

    static CodeDeployException invalidAlarmConfig(String message) {
        return of(InvalidAlarmConfigException.builder(), "InvalidAlarmConfigException", message);
    }

    static CodeDeployException alarmsLimitExceeded(int limit) {
        return of(AlarmsLimitExceededException.builder(), "AlarmsLimitExceededException",
                "The maximum number of alarms for a deployment group (" + limit + ") was exceeded.");
    }

    static CodeDeployException invalidEcsService(String message) {
        return of(InvalidEcsServiceException.builder(), "InvalidECSServiceException", message);
    }

    static CodeDeployException invalidLoadBalancerInfo(String message) {
        return of(InvalidLoadBalancerInfoException.builder(), "InvalidLoadBalancerInfoException", message);
    }

    static CodeDeployException invalidTargetGroupPair(String message) {
        return of(InvalidTargetGroupPairException.builder(), "InvalidTargetGroupPairException", message);
    }

    static CodeDeployException revisionRequired() {
        return of(RevisionRequiredException.builder(), "RevisionRequiredException",
                "The revision ID was not specified.");
    }

    static CodeDeployException invalidRevision(String message) {
        return of(InvalidRevisionException.builder(), "InvalidRevisionException", message);
    }

    /** The wording is the exception's documentation, followed by the revision it looked for. */
    static CodeDeployException revisionDoesNotExist(String where) {
        return of(RevisionDoesNotExistException.builder(), "RevisionDoesNotExistException",
                "The named revision does not exist with the IAM user or AWS account: " + where);
    }

    static CodeDeployException deploymentLimitExceeded(String group, String activeDeploymentId) {
        return of(DeploymentLimitExceededException.builder(), "DeploymentLimitExceededException",
                "The Deployment Group '" + group + "' already has an active Deployment '" + activeDeploymentId + "'");
    }

    static CodeDeployException deploymentIdRequired() {
        return of(DeploymentIdRequiredException.builder(), "DeploymentIdRequiredException",
                "At least one deployment ID must be specified.");
    }

    static CodeDeployException invalidDeploymentId(String id) {
        return of(InvalidDeploymentIdException.builder(), "InvalidDeploymentIdException",
                "Specified DeploymentId is not in the valid format: " + id);
    }

    static CodeDeployException deploymentDoesNotExist(String id) {
        return of(DeploymentDoesNotExistException.builder(), "DeploymentDoesNotExistException",
                "The deployment " + id + " could not be found.");
    }

    static CodeDeployException deploymentNotStarted(String id) {
        return of(DeploymentNotStartedException.builder(), "DeploymentNotStartedException",
                "The deployment " + id + " has not started.");
    }

    static CodeDeployException deploymentAlreadyCompleted(String id) {
        return of(DeploymentAlreadyCompletedException.builder(), "DeploymentAlreadyCompletedException",
                "The deployment " + id + " is already completed.");
    }

    static CodeDeployException notInReadyState(String id) {
        return of(DeploymentIsNotInReadyStateException.builder(), "DeploymentIsNotInReadyStateException",
                "The deployment " + id + " does not have a status of Ready and can't continue yet.");
    }

    static CodeDeployException invalidWaitType(String message) {
        return of(InvalidDeploymentWaitTypeException.builder(), "InvalidDeploymentWaitTypeException", message);
    }

    static CodeDeployException targetIdRequired() {
        return of(DeploymentTargetIdRequiredException.builder(), "DeploymentTargetIdRequiredException",
                "A deployment target ID was not provided.");
    }

    static CodeDeployException targetDoesNotExist(String targetId) {
        return of(DeploymentTargetDoesNotExistException.builder(), "DeploymentTargetDoesNotExistException",
                "The provided target ID does not belong to the attempted deployment: " + targetId);
    }

    static CodeDeployException invalidHookExecutionId(String id) {
        return of(InvalidLifecycleEventHookExecutionIdException.builder(),
                "InvalidLifecycleEventHookExecutionIdException",
                "A lifecycle event hook is invalid: " + id);
    }

    static CodeDeployException invalidHookExecutionStatus(String status) {
        return of(InvalidLifecycleEventHookExecutionStatusException.builder(),
                "InvalidLifecycleEventHookExecutionStatusException",
                "The result of a Lambda validation function that verifies a lifecycle event is invalid. "
                        + "It should return Succeeded or Failed: " + status);
    }

    static CodeDeployException hookAlreadyCompleted(String id) {
        return of(LifecycleEventAlreadyCompletedException.builder(), "LifecycleEventAlreadyCompletedException",
                "An attempt to return the status of an already completed lifecycle event occurred: " + id);
    }

    private static CodeDeployException of(AwsServiceException.Builder builder, String code, String message) {
        return AwsErrors.of(builder, code, message, 400);
    }
}
