package dev.greenlight.local.aws.codedeploy;

/** An ECS task set of the service and the target group its tasks are registered in. */
public record TaskSet(String id, String targetGroup) {
}
