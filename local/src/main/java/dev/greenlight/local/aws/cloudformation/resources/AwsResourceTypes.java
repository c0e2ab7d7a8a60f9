package dev.greenlight.local.aws.cloudformation.resources;

import dev.greenlight.local.aws.LocalAccount;
import dev.greenlight.local.aws.cloudformation.Provisioned;
import dev.greenlight.local.aws.cloudformation.ResourceProviders;
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
 * Every resource type the twin deploys: those of the CDK bootstrap template and of Greenlight's
 * two stacks. All but the record-only ones (EC2 FlowLog, KMS Key and
 * Alias) make their resource through the service twin's own API.
 */
public final class AwsResourceTypes {

    /** The service twins the providers call. */
    public record Services(IamClient iam, S3Client s3, S3Objects objects, EcrClient ecr, SsmClient ssm,
            CloudWatchLogsClient logs, SnsClient sns, LambdaClient lambda, SfnClient sfn, EventBridgeClient events,
            CloudWatchClient cloudWatch, Ec2Client ec2, EcsClient ecs, ElasticLoadBalancingV2Client elb,
            CodeDeployClient codeDeploy) {
    }

    private AwsResourceTypes() {
    }

    public static ResourceProviders of(Services s) {
        return new ResourceProviders()
                .register("AWS::IAM::Role", new IamRoleProvider(s.iam()))
                .register("AWS::IAM::Policy", new IamPolicyProvider(s.iam()))
                .register("AWS::IAM::ManagedPolicy", new IamManagedPolicyProvider(s.iam()))
                .register("AWS::S3::Bucket", new S3BucketProvider(s.s3()))
                .register("AWS::S3::BucketPolicy", new S3BucketPolicyProvider(s.s3()))
                .register("AWS::ECR::Repository", new EcrRepositoryProvider(s.ecr()))
                .register("AWS::SSM::Parameter", new SsmParameterProvider(s.ssm()))
                .register("AWS::Logs::LogGroup", new LogGroupProvider(s.logs()))
                .register("AWS::SNS::Topic", new SnsTopicProvider(s.sns()))
                .register("AWS::SNS::TopicPolicy", new SnsTopicPolicyProvider(s.sns()))
                .register("AWS::Lambda::Function", new LambdaFunctionProvider(s.lambda(), s.objects()))
                .register("AWS::Lambda::Version", new LambdaVersionProvider(s.lambda()))
                .register("AWS::Lambda::Alias", new LambdaAliasProvider(s.lambda()))
                .register("AWS::Lambda::Permission", new LambdaPermissionProvider(s.lambda()))
                .register("AWS::StepFunctions::StateMachine", new StateMachineProvider(s.sfn()))
                .register("AWS::Events::Rule", new EventRuleProvider(s.events()))
                .register("AWS::CloudWatch::Alarm", new AlarmProvider(s.cloudWatch()))
                .register("AWS::EC2::VPC", new Ec2VpcProvider(s.ec2()))
                .register("AWS::EC2::Subnet", new Ec2SubnetProvider(s.ec2()))
                .register("AWS::EC2::InternetGateway", Ec2NetworkProviders.internetGateway(s.ec2()))
                .register("AWS::EC2::VPCGatewayAttachment", Ec2NetworkProviders.gatewayAttachment(s.ec2()))
                .register("AWS::EC2::RouteTable", Ec2NetworkProviders.routeTable(s.ec2()))
                .register("AWS::EC2::Route", Ec2NetworkProviders.route(s.ec2()))
                .register("AWS::EC2::SubnetRouteTableAssociation", Ec2NetworkProviders.routeTableAssociation(s.ec2()))
                .register("AWS::EC2::SecurityGroup", Ec2SecurityGroupProviders.group(s.ec2()))
                .register("AWS::EC2::SecurityGroupIngress", Ec2SecurityGroupProviders.ingress(s.ec2()))
                .register("AWS::EC2::SecurityGroupEgress", Ec2SecurityGroupProviders.egress(s.ec2()))
                .register("AWS::EC2::FlowLog", new RecordOnly(r -> {
                    String id = "fl-" + Long.toHexString(r.random().nextLong() & Long.MAX_VALUE);
                    return Provisioned.of(id, "Id", id);
                }))
                .register("AWS::ECS::Cluster", EcsProviders.cluster(s.ecs()))
                .register("AWS::ECS::TaskDefinition", EcsProviders.taskDefinition(s.ecs()))
                .register("AWS::ECS::Service", EcsProviders.service(s.ecs()))
                .register("AWS::ElasticLoadBalancingV2::LoadBalancer", ElbProviders.loadBalancer(s.elb()))
                .register("AWS::ElasticLoadBalancingV2::TargetGroup", ElbProviders.targetGroup(s.elb()))
                .register("AWS::ElasticLoadBalancingV2::Listener", ElbProviders.listener(s.elb()))
                .register("AWS::CodeDeploy::Application", CodeDeployProviders.application(s.codeDeploy()))
                .register("AWS::CodeDeploy::DeploymentGroup", CodeDeployProviders.deploymentGroup(s.codeDeploy()))
                .register("AWS::KMS::Key", new RecordOnly(r -> {
                    String id = java.util.UUID.nameUUIDFromBytes(r.generatedName(64, false).getBytes()).toString();
                    return Provisioned.of(id, "Arn", LocalAccount.arn("kms", "key/" + id), "KeyId", id);
                }))
                .register("AWS::KMS::Alias", new RecordOnly(r -> Provisioned.of(r.required("AliasName"))));
    }
}
