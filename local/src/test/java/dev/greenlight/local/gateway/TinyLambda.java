package dev.greenlight.local.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/** A test twin of Lambda's Invoke: echoes the payload, reports a function error on demand. */
final class TinyLambda implements LambdaClient {

    final List<InvokeRequest> calls = new ArrayList<>();
    String functionError;
    Supplier<RuntimeException> failure;

    @Override
    public InvokeResponse invoke(InvokeRequest request) {
        calls.add(request);
        if (failure != null) {
            throw failure.get();
        }
        return InvokeResponse.builder().statusCode(200).functionError(functionError)
                .executedVersion(request.qualifier() == null ? "$LATEST" : "7")
                .payload(SdkBytes.fromUtf8String("{\"echo\":" + request.payload().asUtf8String() + "}")).build();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }
}
