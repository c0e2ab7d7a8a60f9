package dev.greenlight.local.twin;

import dev.greenlight.local.aws.CallerCredentials;
import dev.greenlight.local.aws.cloudformation.StackCredentials;
import dev.greenlight.local.aws.cloudformation.resources.AwsResourceTypes;
import dev.greenlight.local.aws.cloudformation.resources.S3Objects;
import dev.greenlight.local.aws.iam.enforcement.EnforcedClient;
import dev.greenlight.local.aws.iam.enforcement.IamEnforcement;
import dev.greenlight.local.aws.iam.policy.Principal;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * CloudFormation's calls to the other twins, each authorized as the stack operation's identity
 * (its service role's session, else its caller) while the operation binds it on its thread; a
 * call made outside an operation acts as the account root.
 */
final class StackCalls implements StackCredentials {

    private final ThreadLocal<Principal> acting = new ThreadLocal<>();
    private final IamEnforcement enforcement;
    private final Supplier<Principal> caller;

    StackCalls(IamEnforcement enforcement, Supplier<Principal> caller) {
        this.enforcement = enforcement;
        this.caller = caller;
    }

    @Override
    public Principal caller() {
        return caller.get();
    }

    @Override
    public CallerCredentials.Scope actAs(Principal principal) {
        Principal previous = acting.get();
        acting.set(principal);
        return () -> acting.set(previous);
    }

    /** The providers' clients, each checked as the bound identity. */
    AwsResourceTypes.Services services(IamClient iam, S3Client s3, S3Objects objects, EcrClient ecr, SsmClient ssm,
            CloudWatchLogsClient logs, SnsClient sns, LambdaClient lambda, SfnClient sfn, EventBridgeClient events,
            CloudWatchClient cloudWatch, Ec2Client ec2, EcsClient ecs, ElasticLoadBalancingV2Client elb,
            CodeDeployClient codeDeploy) {
        return new AwsResourceTypes.Services(as(IamClient.class, iam), as(S3Client.class, s3), objects,
                as(EcrClient.class, ecr), as(SsmClient.class, ssm), as(CloudWatchLogsClient.class, logs),
                as(SnsClient.class, sns), as(LambdaClient.class, lambda), as(SfnClient.class, sfn),
                as(EventBridgeClient.class, events), as(CloudWatchClient.class, cloudWatch), as(Ec2Client.class, ec2),
                as(EcsClient.class, ecs), as(ElasticLoadBalancingV2Client.class, elb),
                as(CodeDeployClient.class, codeDeploy));
    }

    private <C> C as(Class<C> type, C client) {
        return EnforcedClient.as(this::current, type, client, enforcement);
    }

    private Principal current() {
        Principal principal = acting.get();
        return principal == null ? Principal.root() : principal;
    }
}
