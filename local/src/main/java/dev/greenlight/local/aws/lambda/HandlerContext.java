package dev.greenlight.local.aws.lambda;

import com.amazonaws.services.lambda.runtime.Client;
import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The Context an uploaded Java handler receives. The function's Environment cannot reach
 * {@code System.getenv} (a JVM's environment is fixed at start and shared by every function in
 * the twin), so the twin's convention is {@code context.getClientContext().getEnvironment()}; in
 * AWS that map is the mobile client's, so handlers should read it only as a fallback. The request
 * id is one per run, not the Invoke's, and the remaining time is the whole Timeout.
 */
record HandlerContext(String functionName, String functionArn, int memorySize, int timeoutSeconds,
        Map<String, String> environment, String logGroupName, String requestId, String logStreamName)
        implements Context {

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return logGroupName;
    }

    @Override
    public String getLogStreamName() {
        return logStreamName;
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return LocalFunction.LATEST;
    }

    @Override
    public String getInvokedFunctionArn() {
        return functionArn;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return new ClientContext() {
            @Override
            public Client getClient() {
                return null;
            }

            @Override
            public Map<String, String> getCustom() {
                return Map.of();
            }

            @Override
            public Map<String, String> getEnvironment() {
                return environment;
            }
        };
    }

    @Override
    public int getRemainingTimeInMillis() {
        return timeoutSeconds * 1000;
    }

    @Override
    public int getMemoryLimitInMB() {
        return memorySize;
    }

    /** A message is one event in the function's log stream, as the Java runtime's LambdaLogger writes it. */
    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                FunctionOutput.log(message);
            }

            @Override
            public void log(byte[] message) {
                log(new String(message, StandardCharsets.UTF_8));
            }
        };
    }
}
