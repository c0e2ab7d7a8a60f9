package dev.greenlight.local.aws.codedeploy;

/**
 * The services a deployment reaches, called as a role: CodeDeploy calls ECS, Elastic Load Balancing,
 * Lambda (the lifecycle hooks) and CloudWatch (the alarms) as its deployment group's service role
 * ({@code serviceRoleArn}), so what that role may do is what the deployment may do.
 */
public interface ServicesAsRole {

    TaskSetRerouting rerouting(String serviceRoleArn);

    HookInvoker hooks(String serviceRoleArn);

    AlarmStates alarms(String serviceRoleArn);
}
