package dev.greenlight.statemachine.twin;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.greenlight.local.aws.lambda.FunctionCode;
import dev.greenlight.local.aws.lambda.FunctionSettings;
import dev.greenlight.local.aws.lambda.LambdaTwin;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

/**
 * Registers a worker in the Lambda twin as the Java runtime runs it: raw bytes through handleRequest,
 * with version 1 published and the alias {@code live} on it, which the CDK app's state machine and
 * rules invoke.
 */
final class WorkerFunctions {

    static final String ALIAS = "live";

    /** Long enough for the smoke hook's deadline; the others answer at once. */
    private static final int TIMEOUT_SECONDS = 900;

    private final LambdaTwin lambda;

    WorkerFunctions(LambdaTwin lambda) {
        this.lambda = lambda;
    }

    /** @return the ARN of the function's {@code live} alias */
    String register(String name, RequestStreamHandler worker) {
        return register(name, worker, FunctionCode.bytes(payload -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            worker.handleRequest(new ByteArrayInputStream(payload), out, null);
            return out.toByteArray();
        }));
    }

    /** A worker whose code runs as {@code code} says: on a thread of its own, for one that spends time. */
    String register(String name, RequestStreamHandler worker, FunctionCode code) {
        FunctionSettings settings = FunctionSettings.java(worker.getClass().getName() + "::handleRequest")
                .withTimeout(TIMEOUT_SECONDS).withMemorySize(512);
        lambda.register(name, settings, code);
        String version = lambda.publishVersion(r -> r.functionName(name)).version();
        return lambda.createAlias(r -> r.functionName(name).name(ALIAS).functionVersion(version)).aliasArn();
    }
}
