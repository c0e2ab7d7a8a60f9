package dev.greenlight.local.aws.cloudformation.resources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.local.aws.cloudformation.StacksSettle;
import dev.greenlight.local.clock.VirtualClock;
import dev.greenlight.local.twin.LocalTwin;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;

/** Stacks on the whole twin: each resource is made, and removed, through its service twin. */
class ProvidersOnTheTwinTest {

    private final VirtualClock clock = new VirtualClock();
    private final LocalTwin twin = LocalTwin.virtualTime(clock);
    private final CloudFormationClient cloudFormation = StacksSettle.after(clock, twin.cloudFormation());

    private static final String TEMPLATE = """
            Resources:
              Topic:
                Type: AWS::SNS::Topic
                Properties: {DisplayName: Approvals}
              Logs:
                Type: AWS::Logs::LogGroup
                Properties: {RetentionInDays: 30}
              Version:
                Type: AWS::SSM::Parameter
                Properties: {Name: /app/version, Type: String, Value: '21'}
              Bucket:
                Type: AWS::S3::Bucket
                Properties: {BucketName: app-assets-123456789012}
              BucketPolicy:
                Type: AWS::S3::BucketPolicy
                Properties:
                  Bucket: !Ref Bucket
                  PolicyDocument:
                    Version: '2012-10-17'
                    Statement:
                      - {Effect: Deny, Principal: '*', Action: 's3:*', Resource: !Sub '${Bucket.Arn}/*',
                         Condition: {Bool: {'aws:SecureTransport': 'false'}}}
              Role:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument:
                    Version: '2012-10-17'
                    Statement:
                      - {Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: 'sts:AssumeRole'}
              RolePolicy:
                Type: AWS::IAM::Policy
                Properties:
                  PolicyName: publish
                  Roles: [!Ref Role]
                  PolicyDocument:
                    Version: '2012-10-17'
                    Statement: [{Effect: Allow, Action: 'sns:Publish', Resource: !Ref Topic}]
              Repository:
                Type: AWS::ECR::Repository
                Properties: {RepositoryName: orders, EmptyOnDelete: true}
            Outputs:
              RoleArn: {Value: !GetAtt Role.Arn}
              RepositoryUri: {Value: !GetAtt Repository.RepositoryUri}
            """;

    @AfterEach
    void close() {
        twin.close();
    }

    @Test
    void eachResourceIsMadeAndRemovedThroughItsService() {
        cloudFormation.createStack(r -> r.stackName("app").templateBody(TEMPLATE)
                .capabilities(Capability.CAPABILITY_IAM));

        assertThat(cloudFormation.describeStacks(r -> r.stackName("app")).stacks().get(0).stackStatusAsString())
                .isEqualTo("CREATE_COMPLETE");
        String roleName = physicalId("Role");
        assertThat(twin.iam().getRole(r -> r.roleName(roleName)).role().arn())
                .isEqualTo("arn:aws:iam::123456789012:role/" + roleName);
        assertThat(URLDecoder.decode(twin.iam().getRolePolicy(r -> r.roleName(roleName).policyName("publish"))
                .policyDocument(), StandardCharsets.UTF_8)).contains("arn:aws:sns:us-east-1:123456789012:app-Topic-");
        assertThat(twin.sns().listTopics(r -> { }).topics()).hasSize(1);
        assertThat(twin.ssm().value("/app/version")).contains("21");
        assertThat(twin.logs().describeLogGroups(r -> { }).logGroups().get(0).retentionInDays()).isEqualTo(30);
        assertThat(twin.s3().getBucketPolicy(r -> r.bucket("app-assets-123456789012")).policy())
                .contains("arn:aws:s3:::app-assets-123456789012/*");
        assertThat(twin.ecr().describeRepositories(r -> { }).repositories()).hasSize(1);

        cloudFormation.deleteStack(r -> r.stackName("app"));

        assertThat(twin.iam().role(roleName)).isEmpty();
        assertThat(twin.sns().listTopics(r -> { }).topics()).isEmpty();
        assertThat(twin.ssm().value("/app/version")).isEmpty();
        assertThat(twin.logs().describeLogGroups(r -> { }).logGroups()).isEmpty();
        assertThat(twin.s3().listBuckets(r -> { }).buckets()).isEmpty();
        assertThat(twin.ecr().describeRepositories(r -> { }).repositories()).isEmpty();
    }

    @Test
    void aServiceRefusalFailsTheResourceWithTheServiceReasonAndRollsBack() {
        cloudFormation.createStack(r -> r.stackName("app").templateBody(TEMPLATE.replace(
                "BucketName: app-assets-123456789012", "BucketName: Not_A_Bucket")).capabilities(Capability.CAPABILITY_IAM));

        assertThat(cloudFormation.describeStacks(r -> r.stackName("app")).stacks().get(0).stackStatusAsString())
                .isEqualTo("ROLLBACK_COMPLETE");
        List<StackEvent> events = cloudFormation.describeStackEvents(r -> r.stackName("app")).stackEvents();
        assertThat(events).filteredOn(e -> e.resourceStatusAsString().equals("CREATE_FAILED")).singleElement()
                .satisfies(e -> {
                    assertThat(e.logicalResourceId()).isEqualTo("Bucket");
                    assertThat(e.resourceStatusReason()).startsWith("Resource handler returned message: \"")
                            .contains("HandlerErrorCode: InvalidBucketName");
                });
        assertThat(twin.sns().listTopics(r -> { }).topics()).isEmpty();
        assertThat(twin.logs().describeLogGroups(r -> { }).logGroups()).isEmpty();
    }

    private static final String FUNCTION = """
            Resources:
              Worker:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: java21
                  Handler: hook.Greeter::handleRequest
                  Role: arn:aws:iam::123456789012:role/worker
                  Code: {S3Bucket: code-123456789012, S3Key: worker.jar}
                  Environment: {Variables: {GREETING: hello}}
              WorkerVersion:
                Type: AWS::Lambda::Version
                Properties: {FunctionName: !Ref Worker}
              Live:
                Type: AWS::Lambda::Alias
                Properties: {FunctionName: !Ref Worker, FunctionVersion: !GetAtt WorkerVersion.Version, Name: live}
            Outputs:
              AliasArn: {Value: !Ref Live}
            """;

    @Test
    void aFunctionsVersionAndAliasArePublishedAndInvokedThroughLambda() {
        workerRole();
        twin.s3().createBucket(r -> r.bucket("code-123456789012"));
        twin.s3().putObject(r -> r.bucket("code-123456789012").key("worker.jar"),
                software.amazon.awssdk.core.sync.RequestBody.fromBytes(
                        dev.greenlight.local.aws.lambda.HandlerJar.build()));
        cloudFormation.createStack(r -> r.stackName("fn").templateBody(FUNCTION));

        var stack = cloudFormation.describeStacks(r -> r.stackName("fn")).stacks().get(0);
        assertThat(stack.stackStatusAsString()).isEqualTo("CREATE_COMPLETE");
        String aliasArn = stack.outputs().get(0).outputValue();
        String function = physicalId("fn", "Worker");
        assertThat(aliasArn).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:" + function + ":live");
        assertThat(twin.lambda().getAlias(r -> r.functionName(function).name("live")).functionVersion()).isEqualTo("1");
        var response = twin.lambda().invoke(r -> r.functionName(aliasArn)
                .payload(software.amazon.awssdk.core.SdkBytes.fromUtf8String("{\"name\":\"ops\"}")));
        assertThat(response.executedVersion()).isEqualTo("1");
        assertThat(response.payload().asUtf8String()).contains("hello ops");

        cloudFormation.deleteStack(r -> r.stackName("fn"));

        assertThat(twin.lambda().listFunctions(r -> { }).functions()).isEmpty();
    }

    @Test
    void aPermissionOnAnAlias_grantsOnTheAliasArn_asCdkWritesItForARuleTargetingTheAlias() {
        workerRole();
        twin.s3().createBucket(r -> r.bucket("code-123456789012"));
        twin.s3().putObject(r -> r.bucket("code-123456789012").key("worker.jar"),
                software.amazon.awssdk.core.sync.RequestBody.fromBytes(
                        dev.greenlight.local.aws.lambda.HandlerJar.build()));
        cloudFormation.createStack(r -> r.stackName("fn").templateBody(FUNCTION.replace("Outputs:", """
                  FromRule:
                    Type: AWS::Lambda::Permission
                    Properties:
                      FunctionName: !Ref Live
                      Action: lambda:InvokeFunction
                      Principal: events.amazonaws.com
                      SourceArn: arn:aws:events:us-east-1:123456789012:rule/push
                Outputs:""")));

        String aliasArn = cloudFormation.describeStacks(r -> r.stackName("fn")).stacks().get(0).outputs()
                .get(0).outputValue();
        assertThat(twin.lambda().getPolicy(r -> r.functionName(aliasArn)).policy())
                .contains("\"Resource\":\"" + aliasArn + "\"");

        cloudFormation.deleteStack(r -> r.stackName("fn"));
        assertThat(twin.lambda().listFunctions(r -> { }).functions()).isEmpty();
    }

    @Test
    void anUpdatedFunctionChangesInPlace_keepingItsVersionsSoTheAliasMovesToTheNewOne() {
        workerRole();
        twin.s3().createBucket(r -> r.bucket("code-123456789012"));
        byte[] jar = dev.greenlight.local.aws.lambda.HandlerJar.build();
        for (String key : List.of("worker.jar", "worker-2.jar")) {
            twin.s3().putObject(r -> r.bucket("code-123456789012").key(key),
                    software.amazon.awssdk.core.sync.RequestBody.fromBytes(jar));
        }
        cloudFormation.createStack(r -> r.stackName("fn").templateBody(FUNCTION));
        String function = physicalId("fn", "Worker");

        // A second deploy as CDK synthesizes it: new code location, changed settings, a new Version resource.
        cloudFormation.updateStack(r -> r.stackName("fn").templateBody(FUNCTION
                .replace("worker.jar", "worker-2.jar").replace("GREETING: hello", "GREETING: howdy")
                .replace("WorkerVersion", "WorkerVersion2").replace("Role: arn", "Timeout: 20\n      Role: arn")));

        var stack = cloudFormation.describeStacks(r -> r.stackName("fn")).stacks().get(0);
        assertThat(stack.stackStatusAsString()).isEqualTo("UPDATE_COMPLETE");
        assertThat(physicalId("fn", "Worker")).as("updated, not replaced").isEqualTo(function);
        var configuration = twin.lambda().getFunctionConfiguration(r -> r.functionName(function));
        assertThat(configuration.timeout()).isEqualTo(20);
        assertThat(configuration.environment().variables()).containsEntry("GREETING", "howdy");
        assertThat(twin.lambda().getAlias(r -> r.functionName(function).name("live")).functionVersion()).isEqualTo("2");
        var response = twin.lambda().invoke(r -> r.functionName(function).qualifier("live")
                .payload(software.amazon.awssdk.core.SdkBytes.fromUtf8String("{\"name\":\"ops\"}")));
        assertThat(response.executedVersion()).isEqualTo("2");
        assertThat(response.payload().asUtf8String()).contains("howdy ops");

        cloudFormation.updateStack(r -> r.stackName("fn").templateBody(FUNCTION));

        assertThat(twin.lambda().getFunctionConfiguration(r -> r.functionName(function)).timeout())
                .as("a property left out returns to its default").isEqualTo(3);
        assertThat(twin.lambda().getAlias(r -> r.functionName(function).name("live")).functionVersion()).isEqualTo("3");
    }

    private static final String NETWORK = """
            Resources:
              Vpc:
                Type: AWS::EC2::VPC
                Properties: {CidrBlock: 10.0.0.0/16, EnableDnsHostnames: true, EnableDnsSupport: true}
              SubnetA:
                Type: AWS::EC2::Subnet
                Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24, AvailabilityZone: !Select [0, !GetAZs '']}
              SubnetB:
                Type: AWS::EC2::Subnet
                Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: !Select [1, !GetAZs '']}
              Gateway: {Type: AWS::EC2::InternetGateway}
              Attachment:
                Type: AWS::EC2::VPCGatewayAttachment
                Properties: {VpcId: !Ref Vpc, InternetGatewayId: !Ref Gateway}
              Routes:
                Type: AWS::EC2::RouteTable
                Properties: {VpcId: !Ref Vpc}
              DefaultRoute:
                Type: AWS::EC2::Route
                DependsOn: Attachment
                Properties: {RouteTableId: !Ref Routes, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Gateway}
              RoutesA:
                Type: AWS::EC2::SubnetRouteTableAssociation
                Properties: {RouteTableId: !Ref Routes, SubnetId: !Ref SubnetA}
              AlbGroup:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: alb
                  VpcId: !Ref Vpc
                  SecurityGroupIngress: [{CidrIp: 0.0.0.0/0, IpProtocol: tcp, FromPort: 80, ToPort: 80}]
              ServiceGroup:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: service
                  VpcId: !Ref Vpc
                  SecurityGroupEgress: [{CidrIp: 0.0.0.0/0, IpProtocol: '-1'}]
              FromAlb:
                Type: AWS::EC2::SecurityGroupIngress
                Properties: {GroupId: !GetAtt ServiceGroup.GroupId, SourceSecurityGroupId: !GetAtt AlbGroup.GroupId,
                             IpProtocol: tcp, FromPort: 80, ToPort: 80}
              ToService:
                Type: AWS::EC2::SecurityGroupEgress
                Properties: {GroupId: !GetAtt AlbGroup.GroupId, DestinationSecurityGroupId: !GetAtt ServiceGroup.GroupId,
                             IpProtocol: tcp, FromPort: 80, ToPort: 80}
              Alb:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                Properties: {Scheme: internet-facing, Type: application, Subnets: [!Ref SubnetA, !Ref SubnetB],
                             SecurityGroups: [!GetAtt AlbGroup.GroupId]}
              Blue:
                Type: AWS::ElasticLoadBalancingV2::TargetGroup
                Properties: {Port: 80, Protocol: HTTP, TargetType: ip, VpcId: !Ref Vpc, HealthCheckPath: /}
              Production:
                Type: AWS::ElasticLoadBalancingV2::Listener
                Properties:
                  LoadBalancerArn: !Ref Alb
                  Port: 80
                  Protocol: HTTP
                  DefaultActions: [{Type: forward, TargetGroupArn: !Ref Blue}]
              Application:
                Type: AWS::CodeDeploy::Application
                Properties: {ApplicationName: orders, ComputePlatform: ECS}
            Outputs:
              Url: {Value: !Sub 'http://${Alb.DNSName}'}
            """;

    @Test
    void aNetworkWithItsLoadBalancerIsMadeAndRemovedInOrder() {
        cloudFormation.createStack(r -> r.stackName("net").templateBody(NETWORK));

        assertThat(cloudFormation.describeStacks(r -> r.stackName("net")).stacks().get(0).stackStatusAsString())
                .isEqualTo("CREATE_COMPLETE");
        String vpc = cloudFormation.describeStackResource(r -> r.stackName("net").logicalResourceId("Vpc"))
                .stackResourceDetail().physicalResourceId();
        assertThat(twin.ec2().describeSubnets(r -> r.filters(f -> f.name("vpc-id").values(vpc))).subnets())
                .extracting(subnet -> subnet.availabilityZone()).containsExactly("us-east-1a", "us-east-1b");
        assertThat(twin.elb().describeLoadBalancers(r -> { }).loadBalancers()).hasSize(1);
        assertThat(twin.codeDeploy().getApplication(r -> r.applicationName("orders")).application()).isNotNull();

        cloudFormation.deleteStack(r -> r.stackName("net"));

        assertThat(cloudFormation.listStacks(r -> { }).stackSummaries().get(0).stackStatusAsString())
                .isEqualTo("DELETE_COMPLETE");
        assertThat(twin.elb().describeLoadBalancers(r -> { }).loadBalancers()).isEmpty();
        assertThat(twin.elb().describeTargetGroups(r -> { }).targetGroups()).isEmpty();
        assertThat(twin.ec2().describeVpcs(r -> r.vpcIds()).vpcs()).noneMatch(v -> v.vpcId().equals(vpc));
        assertThat(twin.codeDeploy().listApplications(r -> { }).applications()).isEmpty();
    }

    /** The function's execution role, which Lambda refuses unless it may assume it. */
    private void workerRole() {
        twin.iam().createRole(r -> r.roleName("worker").assumeRolePolicyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",
                 "Principal":{"Service":"lambda.amazonaws.com"}}]}"""));
    }

    private String physicalId(String logicalId) {
        return physicalId("app", logicalId);
    }

    private String physicalId(String stack, String logicalId) {
        return cloudFormation.describeStackResource(r -> r.stackName(stack).logicalResourceId(logicalId))
                .stackResourceDetail().physicalResourceId();
    }
}
