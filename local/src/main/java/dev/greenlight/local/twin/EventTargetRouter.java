package dev.greenlight.local.twin;

import dev.greenlight.local.aws.LocalAccount;
import dev.greenlight.local.aws.cloudwatch.CloudWatchTwin;
import dev.greenlight.local.aws.eventbridge.EventTargets;
import dev.greenlight.local.aws.iam.enforcement.IamEnforcement;
import dev.greenlight.local.aws.iam.policy.Principal;
import dev.greenlight.local.aws.stepfunctions.StepFunctionsTwin;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.StartExecutionRequest;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * EventBridge delivers to state machines (StartExecution), Lambda functions (async) and SNS topics.
 * It invokes a function as {@code events.amazonaws.com}, which only the function's resource policy can
 * allow: AddPermission for that principal with the rule's ARN as {@code aws:SourceArn} ("Using
 * resource-based policies for Amazon EventBridge", EventBridge User Guide). It starts a state machine
 * as the target's {@code RoleArn}, which must trust {@code events.amazonaws.com} (for the rule, where its
 * trust policy has aws:SourceArn or aws:SourceAccount conditions) and needs {@code states:StartExecution} on
 * it ("Step Functions state machine target", EventBridge User Guide); AWS refuses such a target without a role at
 * PutTargets ({@code RoleArn is required for target ...}), so here one is not run. A delivery that fails
 * counts in the rule's {@code AWS/Events FailedInvocations} metric (sent only when not zero, as AWS
 * sends it), and its target is not run.
 */
final class EventTargetRouter implements EventTargets {

    static final String EVENTS_PRINCIPAL = "events.amazonaws.com";
    /** RoleSessionName's limit ("AssumeRole", STS API Reference); a rule's name may be longer. */
    private static final int SESSION_NAME_LIMIT = 64;

    private final Supplier<StepFunctionsTwin> stepFunctions;
    private final LambdaClient lambda;
    private final SnsClient sns;
    private final Supplier<IamEnforcement> iam;
    private final CloudWatchTwin cloudWatch;

    EventTargetRouter(Supplier<StepFunctionsTwin> stepFunctions, LambdaClient lambda, SnsClient sns,
            Supplier<IamEnforcement> iam, CloudWatchTwin cloudWatch) {
        this.stepFunctions = stepFunctions;
        this.lambda = lambda;
        this.sns = sns;
        this.iam = iam;
        this.cloudWatch = cloudWatch;
    }

    @Override
    public void deliver(String ruleArn, String targetArn, String roleArn, String input) {
        try {
            route(ruleArn, targetArn, roleArn, input);
        } catch (RuntimeException failed) {
            failedInvocation(ruleArn);
            throw failed;
        }
    }

    private void route(String ruleArn, String targetArn, String roleArn, String input) {
        String service = targetArn.split(":")[2];
        switch (service) {
            case "states" -> start(ruleArn, roleArn, targetArn, input);
            case "lambda" -> invoke(ruleArn, InvokeRequest.builder().functionName(targetArn)
                    .invocationType(InvocationType.EVENT).payload(SdkBytes.fromUtf8String(input)).build());
            case "sns" -> sns.publish(request -> request.topicArn(targetArn).message(input));
            default -> throw new IllegalArgumentException("the local twin delivers events to Step Functions, "
                    + "Lambda and SNS targets, not to " + targetArn);
        }
    }

    private void invoke(String ruleArn, InvokeRequest request) {
        iam.get().authorize(Principal.service(EVENTS_PRINCIPAL), LambdaClient.SERVICE_NAME, "Invoke", request,
                Map.of("aws:SourceArn", ruleArn, "aws:SourceAccount", LocalAccount.ID));
        lambda.invoke(request);
    }

    /**
     * StartExecution as a session of the target's role. The session's name EventBridge gives is
     * unpublished; the twin names it after the rule, so a refusal says which rule asked.
     */
    private void start(String ruleArn, String roleArn, String stateMachineArn, String input) {
        if (roleArn == null) {
            throw new IllegalStateException("RoleArn is required for target " + stateMachineArn + ".");
        }
        // EventBridge assumes the role as events.amazonaws.com, for this rule: a role that does not trust it is not assumed.
        if (!iam.get().trusts(roleArn, EVENTS_PRINCIPAL, Map.of("aws:SourceArn", ruleArn,
                "aws:SourceAccount", LocalAccount.ID))) {
            throw new IllegalStateException("EventBridge cannot assume " + roleArn + " for rule " + ruleArn);
        }
        String session = "events-" + ruleName(ruleArn);
        iam.get().authorize(Principal.roleSession(roleArn, session.substring(0, Math.min(session.length(),
                SESSION_NAME_LIMIT))), SfnClient.SERVICE_NAME, "StartExecution",
                StartExecutionRequest.builder().stateMachineArn(stateMachineArn).input(input).build());
        stepFunctions.get().startExecutionForRule(stateMachineArn, input);
    }

    /** Rules on the default bus, the only one the pipeline uses, are measured by RuleName alone. */
    private void failedInvocation(String ruleArn) {
        cloudWatch.putServiceMetricData("AWS/Events", List.of(MetricDatum.builder().metricName("FailedInvocations")
                .dimensions(Dimension.builder().name("RuleName").value(ruleName(ruleArn)).build())
                .unit(StandardUnit.COUNT).value(1.0).build()));
    }

    private static String ruleName(String ruleArn) {
        return ruleArn.substring(ruleArn.lastIndexOf('/') + 1);
    }
}
