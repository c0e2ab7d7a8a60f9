package dev.greenlight.local.twin.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.local.testing.RequiredTool;
import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.gateway.AwsCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The AWS CLI (botocore 1.43) against the assembled twin, as a user runs it with
 * {@code --endpoint-url}: what the demo service provisioned reads back, writes made with the CLI
 * list, and a refusal names the service's error code in the CLI's message.
 */
class AwsCliOnTheTwinTest {

    private static ServedTwin served;
    private static AwsCli aws;

    @BeforeAll
    static void serve() {
        RequiredTool.assume(AwsCli.installed(), "the AWS CLI (aws) is not on PATH: the CLI tests of the twin did not run");
        served = new ServedTwin();
        served.serviceRole("greenlight", "states.amazonaws.com");
        served.twin().lambda().register("greeter",
                event -> Json.parse("{\"greeting\": \"hello " + event.path("name").asText() + "\"}"));
        aws = new AwsCli(served.port());
    }

    @AfterAll
    static void stop() {
        if (served != null) {
            served.close();
        }
    }

    @ParameterizedTest(name = "aws {0} → {1} = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            ecr describe-repositories --repository-names orders | /repositories/0/imageTagMutability | IMMUTABLE
            ecs describe-services --cluster greenlight --services orders | /services/0/deploymentController/type | CODE_DEPLOY
            elbv2 describe-target-groups --names orders-green | /TargetGroups/0/HealthCheckPath | /health
            deploy get-deployment-group --application-name orders --deployment-group-name orders-dg | /deploymentGroupInfo/deploymentConfigName | CodeDeployDefault.ECSCanary10Percent5Minutes
            cloudwatch describe-alarms --alarm-names orders-blue-5xx | /MetricAlarms/0/MetricName | HTTPCode_Target_5XX_Count
            elbv2 describe-load-balancers | /LoadBalancers/0/AvailabilityZones/0/ZoneName | us-east-1a
            elbv2 describe-load-balancers | /LoadBalancers/0/CanonicalHostedZoneId | Z35SXDOTRQ7X7K
            ecs list-clusters | /clusterArns/0 | arn:aws:ecs:us-east-1:123456789012:cluster/greenlight
            ecs list-services --cluster greenlight | /serviceArns/0 | arn:aws:ecs:us-east-1:123456789012:service/greenlight/orders
            ecs list-task-definition-families | /families/0 | orders
            ec2 describe-vpcs | /Vpcs/0/CidrBlock | 172.31.0.0/16
            sts get-caller-identity | /Arn | arn:aws:iam::123456789012:root
            iam get-policy --policy-arn arn:aws:iam::aws:policy/AWSCodeDeployRoleForECS | /Policy/DefaultVersionId | v3
            """)
    void readsWhatTheDemoServiceProvisioned(String command, String pointer, String expected) throws Exception {
        JsonNode answer = aws.run(command.trim().split(" +")).json();

        assertThat(answer.at(pointer).asText()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "aws {0} fails with ({1})")
    @CsvSource(delimiter = '|', textBlock = """
            deploy get-deployment-group --application-name orders --deployment-group-name nope | DeploymentGroupDoesNotExistException
            stepfunctions describe-execution --execution-arn arn:aws:states:us-east-1:123456789012:execution:m:e | ExecutionDoesNotExist
            elbv2 describe-target-groups --names nope | TargetGroupNotFound
            cloudwatch set-alarm-state --alarm-name nope --state-value ALARM --state-reason cli | ResourceNotFound
            ecs update-service --cluster greenlight --service nope --desired-count 1 | ServiceNotFoundException
            ecr list-images --repository-name orders --max-results 5000 | InvalidParameterException
            ecs list-tasks --cluster greenlight --max-results 0 | InvalidParameterException
            deploy create-deployment-config --deployment-config-name mainframe --compute-platform Mainframe | InvalidComputePlatformException
            cloudwatch put-metric-data --namespace App --metric-name Errors --value NaN | InvalidParameterValue
            cloudwatch put-metric-data --namespace App --metric-name Errors --value=-Infinity | InvalidParameterValue
            cloudwatch put-metric-data --namespace App --metric-name Errors --value 1e200 | InvalidParameterValue
            stepfunctions create-state-machine --name m --definition {} --role-arn pipeline-role | InvalidArn
            stepfunctions list-executions --state-machine-arn arn:aws:states:us-east-1:123456789012:stateMachine:m --status-filter BOGUS | ValidationException
            sns publish --topic-arn orders --message hi | InvalidParameter
            elbv2 modify-listener --listener-arn arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/x/1/2 --port 70000 | ValidationError
            elbv2 modify-listener --listener-arn arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/x/1/2 --protocol BOGUS | ValidationError
            events put-rule --name nightly --schedule-expression rate(5) | ValidationException
            """)
    void aRefusalNamesTheServicesErrorCode(String command, String code) throws Exception {
        AwsCli.Result result = aws.run(command.trim().split(" +"));

        assertThat(result.exit()).isNotZero();
        assertThat(result.stderr()).contains("An error occurred (" + code + ")");
    }

    @Test
    void ecrPutImageTagMutabilityAnswersTheNewSetting() throws Exception {
        JsonNode answer = aws.run("ecr", "put-image-tag-mutability", "--repository-name", "orders",
                "--image-tag-mutability", "IMMUTABLE").json();

        assertThat(answer.path("imageTagMutability").asText()).isEqualTo("IMMUTABLE");
    }

    @Test
    void eventsPutRuleWithAScheduleDescribesIt() throws Exception {
        aws.run("events", "put-rule", "--name", "every-five", "--schedule-expression", "rate(5 minutes)").json();

        JsonNode rule = aws.run("events", "describe-rule", "--name", "every-five").json();
        assertThat(rule.path("ScheduleExpression").asText()).isEqualTo("rate(5 minutes)");
        AwsCli.Result singular = aws.run("events", "put-rule", "--name", "bad", "--schedule-expression", "rate(5 minute)");
        assertThat(singular.stderr()).contains("(ValidationException)").contains("Parameter ScheduleExpression is not valid.");
    }

    @Test
    void stepFunctionsCreateStateMachineThenListStateMachines() throws Exception {
        aws.run("stepfunctions", "create-state-machine", "--name", "cli-pass",
                "--role-arn", "arn:aws:iam::123456789012:role/greenlight",
                "--definition", "{\"StartAt\": \"Done\", \"States\": {\"Done\": {\"Type\": \"Pass\", \"End\": true}}}")
                .json();

        JsonNode list = aws.run("stepfunctions", "list-state-machines").json();

        assertThat(texts(list.path("stateMachines"), "name")).contains("cli-pass");
        assertThat(texts(list.path("stateMachines"), "stateMachineArn"))
                .contains("arn:aws:states:us-east-1:123456789012:stateMachine:cli-pass");
    }

    @Test
    void eventsPutRuleThenListRules() throws Exception {
        String arn = aws.run("events", "put-rule", "--name", "cli-ecr-push", "--event-pattern",
                "{\"source\": [\"aws.ecr\"], \"detail-type\": [\"ECR Image Action\"]}").json().path("RuleArn").asText();

        JsonNode rules = aws.run("events", "list-rules", "--name-prefix", "cli-").json().path("Rules");

        assertThat(arn).isEqualTo("arn:aws:events:us-east-1:123456789012:rule/cli-ecr-push");
        assertThat(texts(rules, "Name")).containsExactly("cli-ecr-push");
        assertThat(rules.get(0).path("State").asText()).isEqualTo("ENABLED");
    }

    @Test
    void snsCreateTopicThenListTopics() throws Exception {
        String arn = aws.run("sns", "create-topic", "--name", "cli-releases").json().path("TopicArn").asText();

        JsonNode topics = aws.run("sns", "list-topics").json().path("Topics");

        assertThat(arn).isEqualTo("arn:aws:sns:us-east-1:123456789012:cli-releases");
        assertThat(texts(topics, "TopicArn")).contains(arn);
    }

    @Test
    void lambdaInvokeWritesThePayloadToTheOutfile(@TempDir Path dir) throws Exception {
        Path outfile = dir.resolve("response.json");

        JsonNode answer = aws.run("lambda", "invoke", "--function-name", "greeter", "--payload",
                "{\"name\": \"cli\"}", outfile.toString()).json();

        assertThat(answer.path("StatusCode").asInt()).isEqualTo(200);
        assertThat(answer.path("ExecutedVersion").asText()).isEqualTo("$LATEST");
        assertThat(answer.has("FunctionError")).isFalse();
        assertThat(Json.parse(Files.readString(outfile)).path("greeting").asText()).isEqualTo("hello cli");
    }

    private static Iterable<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(item -> item.path(field).asText()).toList();
    }
}
