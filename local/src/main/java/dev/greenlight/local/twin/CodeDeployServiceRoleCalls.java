package dev.greenlight.local.twin;

import dev.greenlight.local.aws.codedeploy.AlarmStates;
import dev.greenlight.local.aws.codedeploy.HookInvoker;
import dev.greenlight.local.aws.codedeploy.ServicesAsRole;
import dev.greenlight.local.aws.codedeploy.TaskSetRerouting;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * CodeDeploy's calls to ECS, Elastic Load Balancing, Lambda and CloudWatch, each made as a session of
 * the deployment group's service role and checked against its policies ("Create a service role for
 * CodeDeploy", CodeDeploy User Guide). The session's name CodeDeploy gives is unpublished.
 */
record CodeDeployServiceRoleCalls(LocalTwin twin, EcsClient ecs, ElasticLoadBalancingV2Client elb, LambdaClient lambda,
        CloudWatchClient cloudWatch) implements ServicesAsRole {

    private static final String SESSION = "CodeDeploy";

    @Override
    public TaskSetRerouting rerouting(String serviceRoleArn) {
        return new EcsElbRerouting(twin.clientAs(serviceRoleArn, SESSION, EcsClient.class, ecs),
                twin.clientAs(serviceRoleArn, SESSION, ElasticLoadBalancingV2Client.class, elb), ecs, elb);
    }

    @Override
    public HookInvoker hooks(String serviceRoleArn) {
        return new LambdaHookInvoker(twin.clientAs(serviceRoleArn, SESSION, LambdaClient.class, lambda));
    }

    @Override
    public AlarmStates alarms(String serviceRoleArn) {
        return new CloudWatchAlarmStates(twin.clientAs(serviceRoleArn, SESSION, CloudWatchClient.class, cloudWatch));
    }
}
