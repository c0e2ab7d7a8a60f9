package dev.greenlight.local.twin;

import dev.greenlight.local.aws.codedeploy.HookInvoker;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;

/** CodeDeploy invokes lifecycle hooks as asynchronous Lambda invocations. */
final class LambdaHookInvoker implements HookInvoker {

    private final LambdaClient lambda;

    LambdaHookInvoker(LambdaClient lambda) {
        this.lambda = lambda;
    }

    @Override
    public void invokeAsync(String functionNameOrArn, String payload) {
        lambda.invoke(request -> request.functionName(functionNameOrArn).invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String(payload)));
    }
}
