package dev.greenlight.local.twin;

import dev.greenlight.local.aws.eventbridge.EventTargets;
import dev.greenlight.local.aws.stepfunctions.StepFunctionsTwin;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.sns.SnsClient;

/** EventBridge delivers to state machines (StartExecution), Lambda functions (async) and SNS topics. */
final class EventTargetRouter implements EventTargets {

    private final Supplier<StepFunctionsTwin> stepFunctions;
    private final LambdaClient lambda;
    private final SnsClient sns;

    EventTargetRouter(Supplier<StepFunctionsTwin> stepFunctions, LambdaClient lambda, SnsClient sns) {
        this.stepFunctions = stepFunctions;
        this.lambda = lambda;
        this.sns = sns;
    }

    @Override
    public void deliver(String targetArn, String input) {
        String service = targetArn.split(":")[2];
        switch (service) {
            case "states" -> stepFunctions.get().startExecutionForRule(targetArn, input);
            case "lambda" -> lambda.invoke(request -> request.functionName(targetArn)
                    .invocationType(InvocationType.EVENT).payload(SdkBytes.fromUtf8String(input)));
            case "sns" -> sns.publish(request -> request.topicArn(targetArn).message(input));
            default -> throw new IllegalArgumentException("the local twin delivers events to Step Functions, "
                    + "Lambda and SNS targets, not to " + targetArn);
        }
    }
}
