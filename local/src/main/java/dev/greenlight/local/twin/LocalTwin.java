package dev.greenlight.local.twin;

import dev.greenlight.local.asl.task.LocalIntegrations;
import dev.greenlight.local.asl.task.TaskAuthorizer;
import dev.greenlight.local.aws.CallerCredentials;
import dev.greenlight.local.aws.cloudformation.CloudFormationTwin;
import dev.greenlight.local.aws.cloudformation.resources.AwsResourceTypes;
import dev.greenlight.local.aws.cloudwatch.CloudWatchTwin;
import dev.greenlight.local.aws.codedeploy.CodeDeployTwin;
import dev.greenlight.local.aws.ec2.Ec2Twin;
import dev.greenlight.local.aws.ecr.DistributionApi;
import dev.greenlight.local.aws.ecr.EcrTwin;
import dev.greenlight.local.aws.ecs.EcsTwin;
import dev.greenlight.local.aws.elbv2.ElbV2Twin;
import dev.greenlight.local.aws.elbv2.SubnetPlacements;
import dev.greenlight.local.aws.eventbridge.EventBridgeTwin;
import dev.greenlight.local.aws.iam.IamTwin;
import dev.greenlight.local.aws.iam.enforcement.EnforcedClient;
import dev.greenlight.local.aws.iam.enforcement.ExpiredToken;
import dev.greenlight.local.aws.iam.enforcement.IamEnforcement;
import dev.greenlight.local.aws.iam.policy.Principal;
import dev.greenlight.local.aws.iam.usage.RoleUsageLog;
import dev.greenlight.local.aws.lambda.LambdaTaskIntegration;
import dev.greenlight.local.aws.lambda.LambdaTwin;
import dev.greenlight.local.aws.logs.LogsTwin;
import dev.greenlight.local.aws.s3.S3TaskIntegration;
import dev.greenlight.local.aws.s3.S3Twin;
import dev.greenlight.local.aws.sns.SnsTwin;
import dev.greenlight.local.aws.ssm.SsmTwin;
import dev.greenlight.local.aws.stepfunctions.ExecutionRetention;
import dev.greenlight.local.aws.stepfunctions.StepFunctionsTwin;
import dev.greenlight.local.aws.sts.StsTwin;
import dev.greenlight.local.clock.Clock;
import dev.greenlight.local.clock.RealClock;
import dev.greenlight.local.clock.VirtualClock;
import dev.greenlight.local.fleet.Fleet;
import dev.greenlight.local.gateway.WireGateway;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
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
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The whole local twin on one clock: every service twin, wired to each other as the AWS services
 * are (ECR pushes reach EventBridge rules, rules start executions, CodeDeploy drives ECS task sets
 * and listener weights and polls CloudWatch alarms, the load balancer's metrics feed CloudWatch),
 * and the fleet that serves real HTTP.
 */
public final class LocalTwin implements AutoCloseable {

    /**
     * {@code GET /_greenlight/listener-url?arn=LISTENER_ARN} on the gateway answers the loopback URL
     * the listener serves on (its declared port is AWS's): how a script reaches its load balancer.
     */
    public static final String LISTENER_URL_PATH = "/_greenlight/listener-url";

    /**
     * {@code GET /_greenlight/iam-usage[?role=NAME]} on the gateway answers what roles were allowed and
     * refused since the twin started ({@link RoleUsageLog#json}): what {@code greenlight iam report} reads.
     */
    public static final String IAM_USAGE_PATH = "/_greenlight/iam-usage";

    private final Clock clock;
    private final Fleet fleet;
    private final CloudWatchTwin cloudWatch;
    private final ElbV2Twin elb;
    private final EcrTwin ecr;
    private final EcsTwin ecs;
    private final SnsTwin sns;
    private final LambdaTwin lambda;
    private final StepFunctionsTwin stepFunctions;
    private final EventBridgeTwin eventBridge;
    private final CodeDeployTwin codeDeploy;
    private final IamTwin iam;
    private final StsTwin sts;
    private final Ec2Twin ec2;
    private final S3Twin s3;
    private final SsmTwin ssm;
    private final LogsTwin logs;
    private final CloudFormationTwin cloudFormation;
    private final IamEnforcement iamEnforcement;
    private final RoleUsageLog roleUsage;

    private LocalTwin(Clock clock, boolean realTime, RandomGenerator random, ExecutionRetention retention) {
        this.clock = clock;
        this.sns = new SnsTwin(clock);
        this.cloudWatch = new CloudWatchTwin(clock, new AlarmStateEvents(this::eventBridge), new SnsAlarmActions(sns),
                Integer.MAX_VALUE);
        this.fleet = realTime ? Fleet.realTime(clock, cloudWatch::putServiceMetricData)
                : Fleet.virtualTime(clock, cloudWatch::putServiceMetricData);
        // Ids and credentials draw from their own generator so that the others' sequences stay as they were.
        RandomGenerator identities = realTime ? new SplittableRandom() : new SplittableRandom(11);
        this.ec2 = new Ec2Twin(identities);
        this.elb = new ElbV2Twin(clock, fleet, subnetId -> ec2.subnet(subnetId).map(subnet ->
                new SubnetPlacements.Placement(subnet.availabilityZone(), subnet.vpcId(),
                        ec2.defaultSecurityGroupId(subnet.vpcId()))));
        this.ecr = new EcrTwin(clock, (detailType, resources, detail) ->
                eventBridge().putServiceEvent("aws.ecr", detailType, resources, detail));
        this.lambda = new LambdaTwin(clock, random);
        this.ecs = new EcsTwin(clock, new FleetTaskLauncher(fleet, new ImageProfiles(ecr)), new ElbTargetRegistry(elb),
                new EcsBlueGreenPorts(this, lambda, elb, new CloudWatchAlarmStates(cloudWatch)));
        this.s3 = new S3Twin(clock);
        TaskAuthorizer asExecutionRole = new ExecutionRoleCalls(this::iamEnforcement);
        this.stepFunctions = new StepFunctionsTwin(clock, new S3TaskIntegration(s3, asExecutionRole,
                new LambdaTaskIntegration(lambda, asExecutionRole, new LocalIntegrations())), random, retention);
        this.eventBridge = new EventBridgeTwin(clock, new EventTargetRouter(this::stepFunctions, lambda, sns,
                this::iamEnforcement, cloudWatch));
        this.codeDeploy = new CodeDeployTwin(clock, new CodeDeployServiceRoleCalls(this, ecs.asCodeDeploy(), elb,
                lambda, cloudWatch), s3::objectBytes);
        this.iam = new IamTwin(clock, identities);
        this.sts = new StsTwin(clock, iam, identities);
        this.ssm = new SsmTwin(clock);
        this.logs = new LogsTwin(clock);
        lambda.functionLogs(new LambdaLogDelivery(logs, this::iamEnforcement));
        this.iamEnforcement = new IamEnforcement(iam, new TwinResourcePolicies(s3, lambda, sns),
                new DeploymentFacts(codeDeploy), clock);
        StackCalls stackCalls = new StackCalls(iamEnforcement, () -> caller(CloudFormationClient.SERVICE_NAME,
                CallerCredentials.accessKeyId()));
        this.cloudFormation = new CloudFormationTwin(clock, AwsResourceTypes.of(stackCalls.services(iam, s3,
                s3::objectBytes, ecr, ssm, logs, sns, lambda, stepFunctions, eventBridge, cloudWatch, ec2, ecs, elb,
                codeDeploy)), ssm::value, s3::objectBytes,
                ec2.describeAvailabilityZones(r -> { }).availabilityZones().stream().map(z -> z.zoneName()).toList(),
                realTime ? new SplittableRandom() : new SplittableRandom(13));
        cloudFormation.credentials(stackCalls);
        this.roleUsage = RoleUsageLog.of(iamEnforcement);
    }

    /** For tests and benchmarks: deterministic, and a 15-minute canary passes in milliseconds. */
    /** {@code GREENLIGHT_IAM_ENFORCEMENT=off} serves every call unchecked, as before IAM was enforced. */
    public static final String IAM_ENFORCEMENT_VARIABLE = "GREENLIGHT_IAM_ENFORCEMENT";
    public static final String IAM_ENFORCEMENT_OFF = "off";
    /** An execution environment's credentials last as long as STS's longest role session. */
    private static final Duration FUNCTION_CREDENTIALS = Duration.ofHours(12);

    public static LocalTwin virtualTime(VirtualClock clock) {
        return new LocalTwin(clock, false, new SplittableRandom(7), ExecutionRetention.DEFAULT);
    }

    /**
     * For the demo and {@code greenlight local up}: real HTTP on loopback, on the wall clock. The Step
     * Functions twin keeps closed executions as {@link ExecutionRetention#from} the environment says.
     */
    public static LocalTwin realTime(RealClock clock) {
        LocalTwin twin = new LocalTwin(clock, true, new SplittableRandom(), ExecutionRetention.from(System.getenv()));
        twin.iamEnforcement.enforce(!IAM_ENFORCEMENT_OFF.equalsIgnoreCase(System.getenv(IAM_ENFORCEMENT_VARIABLE)));
        return twin;
    }

    /** Serves every twin over AWS's wire protocols on 127.0.0.1 ({@code port} 0 picks a free one). */
    public WireGateway serve(int port) {
        WireGateway gateway = gateway().start(port);
        String endpoint = "http://127.0.0.1:" + gateway.port();
        ecr.servedAt(endpoint);
        lambda.runtimeVariables((functionName, roleArn) -> functionVariables(endpoint, functionName, roleArn));
        return gateway;
    }

    /**
     * What the twin's Lambda runtime gives a function's code: its execution role's credentials, as
     * Lambda's runtime does, and the gateway's endpoint under the standard variable and the one
     * Greenlight's workers read. A role that does not exist gives no credentials.
     */
    private Map<String, String> functionVariables(String endpoint, String functionName, String roleArn) {
        Map<String, String> variables = new HashMap<>(Map.of("AWS_ENDPOINT_URL", endpoint,
                "GREENLIGHT_ENDPOINT_URL", endpoint));
        sts.serviceSession(roleArn, functionName, FUNCTION_CREDENTIALS).ifPresent(credentials -> variables.putAll(
                Map.of("AWS_ACCESS_KEY_ID", credentials.accessKeyId(),
                        "AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey(),
                        "AWS_SESSION_TOKEN", credentials.sessionToken())));
        return variables;
    }

    /** A gateway with every twin registered, not yet listening: a caller may register more first. */
    public WireGateway.Builder gateway() {
        return WireGateway.builder()
                .authorizer((signingName, operation, request, accessKeyId) -> iamEnforcement.authorize(
                        caller(signingName, accessKeyId), signingName, operation, request))
                .registry(new DistributionApi(ecr))
                .twinOnly(LISTENER_URL_PATH, "arn", elb::listenerUrl)
                .twinOnly(IAM_USAGE_PATH, "role", role -> Optional.of(roleUsage.json(role)))
                .register(CloudFormationClient.class, cloudFormation)
                .register(CloudWatchClient.class, cloudWatch)
                .register(CloudWatchLogsClient.class, logs)
                .register(CodeDeployClient.class, codeDeploy)
                .register(Ec2Client.class, ec2)
                .register(EcrClient.class, ecr)
                .register(EcsClient.class, ecs)
                .register(ElasticLoadBalancingV2Client.class, elb)
                .register(EventBridgeClient.class, eventBridge)
                .register(IamClient.class, iam)
                .register(LambdaClient.class, lambda)
                .register(S3Client.class, s3)
                .register(SfnClient.class, stepFunctions)
                .register(SnsClient.class, sns)
                .register(SsmClient.class, ssm)
                .register(StsClient.class, sts);
    }

    /**
     * Who signs with {@code accessKeyId}: the role session STS issued it for, else the account root
     * (the default credentials, and unsigned requests, act as the account). Credentials STS issued that
     * have expired, on the twin's clock, are refused by every service, as AWS refuses them.
     */
    private Principal caller(String signingName, Optional<String> accessKeyId) {
        if (accessKeyId.filter(sts::expired).isPresent()) {
            throw ExpiredToken.of(signingName);
        }
        return accessKeyId.flatMap(sts::issued)
                .map(session -> Principal.roleSession(session.roleArn(), session.sessionName()))
                .orElse(Principal.root());
    }

    /** IAM as enforced on every call; {@link IamEnforcement#enforce(boolean)} turns it off. */
    public IamEnforcement iamEnforcement() {
        return iamEnforcement;
    }

    /** Every check made for a role session since the twin started, allowed or refused. */
    public RoleUsageLog roleUsage() {
        return roleUsage;
    }

    /** {@code client} making its calls as a session of role {@code roleArn}, checked against the role's policies. */
    public <C> C clientAs(String roleArn, String sessionName, Class<C> clientType, C client) {
        return EnforcedClient.as(Principal.roleSession(roleArn, sessionName), clientType, client, iamEnforcement);
    }

    public Clock clock() {
        return clock;
    }

    public Fleet fleet() {
        return fleet;
    }

    public CloudWatchTwin cloudWatch() {
        return cloudWatch;
    }

    public ElbV2Twin elb() {
        return elb;
    }

    public EcrTwin ecr() {
        return ecr;
    }

    public EcsTwin ecs() {
        return ecs;
    }

    public SnsTwin sns() {
        return sns;
    }

    public LambdaTwin lambda() {
        return lambda;
    }

    public StepFunctionsTwin stepFunctions() {
        return stepFunctions;
    }

    public EventBridgeTwin eventBridge() {
        return eventBridge;
    }

    public CodeDeployTwin codeDeploy() {
        return codeDeploy;
    }

    public IamTwin iam() {
        return iam;
    }

    public StsTwin sts() {
        return sts;
    }

    public Ec2Twin ec2() {
        return ec2;
    }

    public S3Twin s3() {
        return s3;
    }

    public SsmTwin ssm() {
        return ssm;
    }

    public LogsTwin logs() {
        return logs;
    }

    public CloudFormationTwin cloudFormation() {
        return cloudFormation;
    }

    @Override
    public void close() {
        fleet.close();
        ecs.close();
    }
}
