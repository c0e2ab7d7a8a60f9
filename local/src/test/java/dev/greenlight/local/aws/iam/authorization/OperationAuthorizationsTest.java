package dev.greenlight.local.aws.iam.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.local.aws.cloudformation.CloudFormationTwin;
import dev.greenlight.local.aws.cloudwatch.CloudWatchTwin;
import dev.greenlight.local.aws.codedeploy.CodeDeployTwin;
import dev.greenlight.local.aws.ec2.Ec2Twin;
import dev.greenlight.local.aws.ecr.EcrTwin;
import dev.greenlight.local.aws.ecs.EcsTwin;
import dev.greenlight.local.aws.elbv2.ElbV2Twin;
import dev.greenlight.local.aws.eventbridge.EventBridgeTwin;
import dev.greenlight.local.aws.iam.IamTwin;
import dev.greenlight.local.aws.lambda.LambdaTwin;
import dev.greenlight.local.aws.logs.LogsTwin;
import dev.greenlight.local.aws.s3.S3Twin;
import dev.greenlight.local.aws.sns.SnsTwin;
import dev.greenlight.local.aws.ssm.SsmTwin;
import dev.greenlight.local.aws.stepfunctions.StepFunctionsTwin;
import dev.greenlight.local.aws.sts.StsTwin;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.CreateDeploymentRequest;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.StartExecutionRequest;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParameterRequest;
import software.amazon.awssdk.services.sts.StsClient;

/** Every operation the twin serves has its action in the reference, and requests name the ARNs AWS authorizes. */
class OperationAuthorizationsTest {

    private static final OperationAuthorizations AUTHORIZATIONS =
            new OperationAuthorizations(ServiceAuthorizationReference.load(), RequestFacts.NONE);

    /** Each client interface with the twin class that serves it. */
    private static final Map<Class<?>, Class<?>> TWINS = Map.ofEntries(
            Map.entry(CloudWatchClient.class, CloudWatchTwin.class), Map.entry(CodeDeployClient.class, CodeDeployTwin.class),
            Map.entry(Ec2Client.class, Ec2Twin.class), Map.entry(EcrClient.class, EcrTwin.class),
            Map.entry(EcsClient.class, EcsTwin.class), Map.entry(ElasticLoadBalancingV2Client.class, ElbV2Twin.class),
            Map.entry(EventBridgeClient.class, EventBridgeTwin.class), Map.entry(IamClient.class, IamTwin.class),
            Map.entry(LambdaClient.class, LambdaTwin.class), Map.entry(S3Client.class, S3Twin.class),
            Map.entry(SfnClient.class, StepFunctionsTwin.class), Map.entry(SnsClient.class, SnsTwin.class),
            Map.entry(StsClient.class, StsTwin.class), Map.entry(CloudFormationClient.class, CloudFormationTwin.class),
            Map.entry(SsmClient.class, SsmTwin.class), Map.entry(CloudWatchLogsClient.class, LogsTwin.class));

    @Test
    void everyOperationTheTwinServesHasItsActionInTheReference() throws Exception {
        List<String> missing = new ArrayList<>();
        int served = 0;
        for (Map.Entry<Class<?>, Class<?>> twin : TWINS.entrySet()) {
            String signingName = (String) twin.getKey().getField("SERVICE_NAME").get(null);
            for (Method method : twin.getValue().getDeclaredMethods()) {
                Class<?>[] parameters = method.getParameterTypes();
                if (parameters.length == 0 || !SdkRequest.class.isAssignableFrom(parameters[0])
                        || !java.lang.reflect.Modifier.isPublic(method.getModifiers()) || method.isSynthetic()) {
                    continue;
                }
                String operation = parameters[0].getSimpleName().replaceFirst("Request$", "");
                SdkPojo empty = (SdkPojo) ((software.amazon.awssdk.utils.builder.SdkBuilder<?, ?>) parameters[0]
                        .getMethod("builder").invoke(null)).build();
                served++;
                if (AUTHORIZATIONS.of(signingName, operation, empty).isEmpty()
                        && !OperationAuthorizations.needsNoPermission(signingName, operation)) {
                    missing.add(signingName + ":" + operation);
                }
            }
        }
        assertThat(served).isGreaterThan(100);
        assertThat(missing).as("operations the reference has no action for").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "lambda Invoke by name      | lambda:InvokeFunction | arn:aws:lambda:us-east-1:123456789012:function:preflight",
        "lambda Invoke by ARN       | lambda:InvokeFunction | arn:aws:lambda:us-east-1:123456789012:function:smoke",
        "s3 GetObject               | s3:GetObject | arn:aws:s3:::artifacts/app/v1/appspec.yaml",
        "s3 ListObjectsV2           | s3:ListBucket | arn:aws:s3:::artifacts",
        "ecs UpdateService, ARNs    | ecs:UpdateService | arn:aws:ecs:us-east-1:123456789012:service/prod/orders",
        "ecs RegisterTaskDefinition | ecs:RegisterTaskDefinition | *",
        "codedeploy CreateDeployment| codedeploy:CreateDeployment | arn:aws:codedeploy:us-east-1:123456789012:deploymentgroup:orders/prod",
        "sns Publish                | sns:Publish | arn:aws:sns:us-east-1:123456789012:releases",
        "states StartExecution      | states:StartExecution | arn:aws:states:us-east-1:123456789012:stateMachine:pipeline",
        "cloudwatch DescribeAlarms  | cloudwatch:DescribeAlarms | arn:aws:cloudwatch:us-east-1:123456789012:alarm:orders-5xx",
        "ssm GetParameter, /name    | ssm:GetParameter | arn:aws:ssm:us-east-1:123456789012:parameter/cdk-bootstrap/hnb659fds/version",
        "ssm GetParameter, name     | ssm:GetParameter | arn:aws:ssm:us-east-1:123456789012:parameter/release-notes"})
    void namesTheActionAndTheResource(String example, String action, String resource) {
        Request r = REQUESTS.get(example.trim());

        assertThat(AUTHORIZATIONS.of(r.signingName(), r.operation(), r.request()))
                .hasValue(new Authorization(action, List.of(resource)));
    }

    private record Request(String signingName, String operation, SdkPojo request) {
    }

    private static final Map<String, Request> REQUESTS = Map.ofEntries(
            Map.entry("lambda Invoke by name", new Request("lambda", "Invoke", InvokeRequest.builder().functionName("preflight").build())),
            Map.entry("lambda Invoke by ARN", new Request("lambda", "Invoke", InvokeRequest.builder()
                    .functionName("arn:aws:lambda:us-east-1:123456789012:function:smoke").build())),
            Map.entry("s3 GetObject", new Request("s3", "GetObject", GetObjectRequest.builder().bucket("artifacts")
                    .key("app/v1/appspec.yaml").build())),
            Map.entry("s3 ListObjectsV2", new Request("s3", "ListObjectsV2", ListObjectsV2Request.builder().bucket("artifacts").build())),
            Map.entry("ecs UpdateService, ARNs", new Request("ecs", "UpdateService", UpdateServiceRequest.builder()
                    .cluster("arn:aws:ecs:us-east-1:123456789012:cluster/prod").service("orders").build())),
            Map.entry("ecs RegisterTaskDefinition", new Request("ecs", "RegisterTaskDefinition",
                    RegisterTaskDefinitionRequest.builder().family("orders").build())),
            Map.entry("codedeploy CreateDeployment", new Request("codedeploy", "CreateDeployment", CreateDeploymentRequest.builder()
                    .applicationName("orders").deploymentGroupName("prod").build())),
            Map.entry("sns Publish", new Request("sns", "Publish", PublishRequest.builder()
                    .topicArn("arn:aws:sns:us-east-1:123456789012:releases").message("m").build())),
            Map.entry("states StartExecution", new Request("states", "StartExecution", StartExecutionRequest.builder()
                    .stateMachineArn("arn:aws:states:us-east-1:123456789012:stateMachine:pipeline").build())),
            Map.entry("cloudwatch DescribeAlarms", new Request("monitoring", "DescribeAlarms", DescribeAlarmsRequest.builder()
                    .alarmNames("orders-5xx").build())),
            Map.entry("ssm GetParameter, /name", new Request("ssm", "GetParameter", GetParameterRequest.builder()
                    .name("/cdk-bootstrap/hnb659fds/version").build())),
            Map.entry("ssm GetParameter, name", new Request("ssm", "GetParameter", GetParameterRequest.builder()
                    .name("release-notes").build())));
}
