package dev.greenlight.local.aws.lambda;

import dev.greenlight.local.aws.LocalAccount;
import java.util.Map;
import java.util.Objects;

/**
 * A function's configuration as GetFunctionConfiguration shows it. Timeout and MemorySize follow
 * CreateFunction's limits: 1 to 900 seconds, 128 to 10,240 MB.
 *
 * @param logGroup LoggingConfig's LogGroup; null for Lambda's default, {@code /aws/lambda/<function name>}
 */
public record FunctionSettings(String runtime, String handler, int timeoutSeconds, int memorySize, String role,
        String description, Map<String, String> environment, String logGroup) {

    public FunctionSettings {
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(role, "role");
        if (timeoutSeconds < 1 || timeoutSeconds > 900) {
            throw new IllegalArgumentException("Timeout must be between 1 and 900 seconds: " + timeoutSeconds);
        }
        if (memorySize < 128 || memorySize > 10_240) {
            throw new IllegalArgumentException("MemorySize must be between 128 and 10240 MB: " + memorySize);
        }
        description = description == null ? "" : description;
        environment = environment == null ? Map.of() : Map.copyOf(environment);
    }

    public FunctionSettings(String runtime, String handler, int timeoutSeconds, int memorySize, String role,
            String description, Map<String, String> environment) {
        this(runtime, handler, timeoutSeconds, memorySize, role, description, environment, null);
    }

    public FunctionSettings(String runtime, String handler, int timeoutSeconds, int memorySize, String role,
            String description) {
        this(runtime, handler, timeoutSeconds, memorySize, role, description, Map.of());
    }

    /** Where the function's logs go: its LoggingConfig's group, else Lambda's default for its name. */
    public String logGroupOf(String functionName) {
        return logGroup == null ? "/aws/lambda/" + functionName : logGroup;
    }

    /** CreateFunction's defaults (3 seconds, 128 MB) for a Java 21 handler. */
    public static FunctionSettings java(String handler) {
        return new FunctionSettings("java21", handler, 3, 128,
                "arn:aws:iam::" + LocalAccount.ID + ":role/greenlight-local-function", "");
    }

    public FunctionSettings withTimeout(int seconds) {
        return new FunctionSettings(runtime, handler, seconds, memorySize, role, description, environment, logGroup);
    }

    public FunctionSettings withMemorySize(int megabytes) {
        return new FunctionSettings(runtime, handler, timeoutSeconds, megabytes, role, description, environment,
                logGroup);
    }
}
