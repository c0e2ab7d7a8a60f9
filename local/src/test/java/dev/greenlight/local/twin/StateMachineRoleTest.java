package dev.greenlight.local.twin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.local.asl.Json;
import dev.greenlight.local.clock.VirtualClock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * A Task's Lambda invocation is made as the state machine's role (CreateStateMachine's roleArn) and
 * authorized as lambda:InvokeFunction on the function ARN it names, qualified or not; a refusal fails
 * the task as Step Functions reports it: {@code Lambda.AWSLambdaException}, the AccessDeniedException's
 * message as cause in the AWS SDK for Java's format.
 */
class StateMachineRoleTest {

    private static final String FUNCTION = "arn:aws:lambda:us-east-1:123456789012:function:work";
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"states.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    private final VirtualClock clock = new VirtualClock();
    private final LocalTwin twin = LocalTwin.virtualTime(clock);
    private final AtomicInteger runs = new AtomicInteger();

    StateMachineRoleTest() {
        twin.lambda().register("work", event -> {
            runs.incrementAndGet();
            return Json.NODES.objectNode().put("done", true);
        });
        twin.lambda().publishVersion(r -> r.functionName("work"));
        twin.lambda().createAlias(r -> r.functionName("work").name("live").functionVersion("1"));
        twin.iam().createRole(r -> r.roleName("pipeline").assumeRolePolicyDocument(TRUST));
    }

    @AfterEach
    void close() {
        twin.close();
    }

    @ParameterizedTest(name = "{0} invoking {1} (qualifier {2}): {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # granted resources                  | FunctionName | Qualifier | outcome                           | resource refused
            %1$s                                 | work         | -         | SUCCEEDED                         | -
            %1$s                                 | %1$s         | -         | SUCCEEDED                         | -
            %1$s,%1$s:*                          | work         | live      | SUCCEEDED                         | -
            %1$s,%1$s:*                          | %1$s:live    | -         | SUCCEEDED                         | -
            %1$s                                 | work         | live      | no identity-based policy allows   | %1$s:live
            %1$s                                 | work:live    | -         | no identity-based policy allows   | %1$s:live
            %1$s:*                               | work         | -         | no identity-based policy allows   | %1$s
            arn:aws:lambda:us-east-1:123456789012:function:other | work | - | no identity-based policy allows | %1$s
            -                                    | work         | -         | no identity-based policy allows   | %1$s
            """)
    void aLambdaTask_isAuthorizedAsTheStateMachinesRole(String granted, String functionName, String qualifier,
            String outcome, String refused) {
        if (granted != null) {
            twin.iam().putRolePolicy(r -> r.roleName("pipeline").policyName("invoke").policyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"lambda:InvokeFunction",
                     "Resource":["%s"]}]}""".formatted(String.join("\",\"", granted.formatted(FUNCTION).split(",")))));
        }

        DescribeExecutionResponse execution = run(functionName.formatted(FUNCTION), qualifier);

        if (outcome.equals("SUCCEEDED")) {
            assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(runs).hasValue(1);
            return;
        }
        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.error()).isEqualTo("Lambda.AWSLambdaException");
        assertThat(execution.cause()).startsWith("User: arn:aws:sts::123456789012:assumed-role/pipeline/release-1 is not"
                + " authorized to perform: lambda:InvokeFunction on resource: " + refused.formatted(FUNCTION)
                + " because " + outcome + " the lambda:InvokeFunction action (Service: AWSLambda; Status Code: 403;"
                + " Error Code: AccessDeniedException; Request ID: ");
        assertThat(runs).as("the function never ran").hasValue(0);
    }

    @ParameterizedTest(name = "enforcement {0}")
    @CsvSource({"on, FAILED", "off, SUCCEEDED"})
    void withEnforcementOff_theRoleIsNotAsked(String enforcement, ExecutionStatus status) {
        twin.iamEnforcement().enforce(enforcement.equals("on"));

        assertThat(run("work", null).status()).isEqualTo(status);
    }

    private DescribeExecutionResponse run(String functionName, String qualifier) {
        String arguments = qualifier == null ? "" : ", \"Qualifier\": \"" + qualifier + "\"";
        String machine = twin.stepFunctions().createStateMachine(r -> r.name("release")
                .roleArn("arn:aws:iam::123456789012:role/pipeline").definition("""
                        {"StartAt": "Work", "States": {"Work": {"Type": "Task",
                         "Resource": "arn:aws:states:::lambda:invoke",
                         "Parameters": {"FunctionName": "%s"%s}, "End": true}}}""".formatted(functionName, arguments)))
                .stateMachineArn();
        String execution = twin.stepFunctions().startExecution(r -> r.stateMachineArn(machine).name("release-1"))
                .executionArn();
        clock.advance(Duration.ofMinutes(1));
        return twin.stepFunctions().describeExecution(r -> r.executionArn(execution));
    }
}
