package dev.greenlight.local.twin.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.aws.lambda.HandlerJar;
import dev.greenlight.local.gateway.AwsCli;
import dev.greenlight.local.testing.RequiredTool;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A function from code with the stock AWS CLI alone: create-function with a jar built in the test,
 * invoke, add-permission, get-policy, and the refusals the CLI reports by error code. The CLI here
 * is version 1, which sends --payload as given (version 2 needs --cli-binary-format raw-in-base64-out).
 */
class LambdaFromCodeWithTheAwsCliTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/hook";

    private static ServedTwin served;
    private static AwsCli aws;
    @TempDir
    static Path dir;
    private static Path jar;

    @BeforeAll
    static void serve() throws Exception {
        RequiredTool.assume(AwsCli.installed(), "the AWS CLI (aws) is not on PATH: the Lambda CLI tests did not run");
        served = new ServedTwin();
        served.serviceRole("hook", "lambda.amazonaws.com");
        aws = new AwsCli(served.port());
        jar = Files.write(dir.resolve("hook.jar"), HandlerJar.build());
    }

    @AfterAll
    static void stop() {
        if (served != null) {
            served.close();
        }
    }

    @Test
    void createFunctionFromAJar_thenInvokeIt() throws Exception {
        JsonNode created = aws.run("lambda", "create-function", "--function-name", "cli-hook", "--zip-file",
                "fileb://" + jar, "--runtime", "java21", "--handler", "hook.Greeter::handleRequest", "--role", ROLE,
                "--timeout", "30", "--environment", "Variables={GREETING=hello}").json();
        Path out = dir.resolve("out.json");

        JsonNode invoked = aws.run("lambda", "invoke", "--function-name", "cli-hook",
                "--payload", "{\"name\":\"cli\"}", out.toString()).json();

        assertThat(created.path("Runtime").asText()).isEqualTo("java21");
        assertThat(created.path("Timeout").asInt()).isEqualTo(30);
        assertThat(created.path("CodeSize").asLong()).isEqualTo(Files.size(jar));
        assertThat(invoked.path("StatusCode").asInt()).isEqualTo(200);
        assertThat(Json.parse(Files.readString(out)).path("greeting").asText()).isEqualTo("hello cli");
        JsonNode read = aws.run("lambda", "get-function-configuration", "--function-name", "cli-hook").json();
        assertThat(read.at("/Environment/Variables/GREETING").asText()).isEqualTo("hello");
    }

    /** What the function printed is in its log group, written with its role, found by a term. */
    @Test
    void whatAFunctionPrints_isFoundWithFilterLogEvents() throws Exception {
        served.serviceRole("logger", "lambda.amazonaws.com");
        aws.run("iam", "put-role-policy", "--role-name", "logger", "--policy-name", "logs", "--policy-document",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"logs:CreateLogGroup\","
                        + "\"logs:CreateLogStream\",\"logs:PutLogEvents\"],\"Resource\":\"*\"}]}").json();
        aws.run("lambda", "create-function", "--function-name", "cli-chatty", "--zip-file", "fileb://" + jar,
                "--runtime", "java21", "--handler", "hook.Chatty", "--role",
                "arn:aws:iam::123456789012:role/logger").json();
        Path out = dir.resolve("chatty.json");
        aws.run("lambda", "invoke", "--function-name", "cli-chatty", "--payload", "\"cli\"", out.toString()).json();

        JsonNode found = aws.run("logs", "filter-log-events", "--log-group-name", "/aws/lambda/cli-chatty",
                "--filter-pattern", "checking").json();
        JsonNode all = aws.run("logs", "filter-log-events", "--log-group-name", "/aws/lambda/cli-chatty").json();
        AwsCli.Result missing = aws.run("logs", "filter-log-events", "--log-group-name", "/aws/lambda/nope");

        assertThat(found.path("events")).hasSize(1);
        assertThat(found.at("/events/0/message").asText()).isEqualTo("out: checking cli");
        assertThat(found.at("/events/0/logStreamName").asText())
                .isEqualTo(Json.parse(Files.readString(out)).asText()).contains("/[$LATEST]");
        assertThat(all.path("events")).hasSize(6);
        assertThat(all.at("/events/0/message").asText()).startsWith("START RequestId: ");
        assertThat(all.at("/events/5/message").asText()).startsWith("REPORT RequestId: ").contains("Billed Duration: ");
        assertThat(missing.stderr()).contains("An error occurred (ResourceNotFoundException)");
    }

    @Test
    void addPermission_thenGetPolicy_andADuplicateStatementIsAConflict() throws Exception {
        aws.run("lambda", "create-function", "--function-name", "cli-policy", "--zip-file", "fileb://" + jar,
                "--runtime", "java21", "--handler", "hook.Echo", "--role", ROLE).json();

        JsonNode added = aws.run("lambda", "add-permission", "--function-name", "cli-policy", "--statement-id",
                "codedeploy", "--action", "lambda:InvokeFunction", "--principal", "codedeploy.amazonaws.com").json();
        JsonNode policy = Json.parse(aws.run("lambda", "get-policy", "--function-name", "cli-policy").json()
                .path("Policy").asText());
        AwsCli.Result again = aws.run("lambda", "add-permission", "--function-name", "cli-policy", "--statement-id",
                "codedeploy", "--action", "lambda:InvokeFunction", "--principal", "codedeploy.amazonaws.com");

        assertThat(Json.parse(added.path("Statement").asText()).path("Sid").asText()).isEqualTo("codedeploy");
        assertThat(policy.at("/Statement/0/Principal/Service").asText()).isEqualTo("codedeploy.amazonaws.com");
        assertThat(policy.at("/Statement/0/Action").asText()).isEqualTo("lambda:InvokeFunction");
        assertThat(again.exit()).isNotZero();
        assertThat(again.stderr()).contains("An error occurred (ResourceConflictException)");
    }

    @Test
    void refusals_nameLambdasErrorCodes() throws Exception {
        AwsCli.Result badRole = aws.run("lambda", "create-function", "--function-name", "cli-bad", "--zip-file",
                "fileb://" + jar, "--runtime", "java21", "--handler", "hook.Echo", "--role", "hook-role");
        AwsCli.Result noPolicy = aws.run("lambda", "get-policy", "--function-name", "nope");

        assertThat(badRole.stderr()).contains("An error occurred (ValidationException)")
                .contains("1 validation error detected: Value 'hook-role' at 'role' failed to satisfy constraint");
        assertThat(noPolicy.stderr()).contains("An error occurred (ResourceNotFoundException)");
    }
}
