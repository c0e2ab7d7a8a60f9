package dev.greenlight.local.aws.lambda;

import dev.greenlight.local.aws.LocalAccount;
import dev.greenlight.local.clock.Clock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.zip.ZipInputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationRequest;

/**
 * CreateFunction's rules for a .zip deployment package (a zip or a jar in ZipFile), and the code
 * the twin makes of it: Java runtimes run the handler in-process, other runtimes are recorded and
 * answer Invoke with a runtime error. Lambda reports a constraint failure on a member as a
 * ValidationException ("Value ... at 'memorySize' failed to satisfy constraint"); the twin answers
 * InvalidParameterValueException, CreateFunction's documented error for a bad parameter, with that
 * wording.
 */
final class FunctionPackages {

    static final Set<String> JAVA_RUNTIMES = Set.of("java11", "java17", "java21");
    private static final Pattern ROLE = Pattern.compile("arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+");
    private static final Pattern HANDLER = Pattern.compile("[^\\s]+");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9-_]{1,64}");
    /** LoggingConfig.LogGroup, as the API reference gives it. */
    private static final Pattern LOG_GROUP = Pattern.compile("[\\.\\-_/#A-Za-z0-9]{1,512}");

    private FunctionPackages() {
    }

    static FunctionSettings settings(CreateFunctionRequest request) {
        if (request.functionName() == null || !NAME.matcher(request.functionName()).matches()) {
            throw constraint(request.functionName(), "functionName",
                    "Member must satisfy regular expression pattern: [a-zA-Z0-9-_]{1,64}");
        }
        if (request.runtime() == null || request.handler() == null) {
            throw LambdaErrors.invalidParameter(
                    "Runtime and Handler are mandatory parameters for functions created with deployment packages.");
        }
        return validated(request.runtimeAsString(), request.handler(), request.role(), request.timeout(),
                request.memorySize(), request.description(),
                request.environment() == null ? null : request.environment().variables(),
                request.loggingConfig() == null ? null : request.loggingConfig().logGroup());
    }

    /**
     * UpdateFunctionConfiguration: the members given replace the current ones under CreateFunction's
     * rules, the others stay; an Environment replaces all the variables.
     */
    static FunctionSettings reconfigured(FunctionSettings current, UpdateFunctionConfigurationRequest request) {
        return validated(request.runtime() == null ? current.runtime() : request.runtimeAsString(),
                request.handler() == null ? current.handler() : request.handler(),
                request.role() == null ? current.role() : request.role(),
                request.timeout() == null ? current.timeoutSeconds() : request.timeout(),
                request.memorySize() == null ? current.memorySize() : request.memorySize(),
                request.description() == null ? current.description() : request.description(),
                request.environment() == null ? current.environment() : request.environment().variables(),
                request.loggingConfig() == null ? current.logGroup() : request.loggingConfig().logGroup());
    }

    private static FunctionSettings validated(String runtime, String handler, String role, Integer timeoutSeconds,
            Integer memorySize, String description, Map<String, String> environment, String logGroup) {
        if (Runtime.fromValue(runtime) == Runtime.UNKNOWN_TO_SDK_VERSION) {
            throw constraint(runtime, "runtime", "Member must satisfy enum value set: " + Runtime.knownValues());
        }
        if (handler.length() > 128 || !HANDLER.matcher(handler).matches()) {
            throw constraint(handler, "handler",
                    "Member must satisfy regular expression pattern: [^\\s]+ and have length less than or equal to 128");
        }
        if (role == null || !ROLE.matcher(role).matches()) {
            throw constraint(role, "role", "Member must satisfy regular expression pattern: " + ROLE);
        }
        int timeout = timeoutSeconds == null ? 3 : timeoutSeconds;
        if (timeout < 1 || timeout > 900) {
            throw constraint(timeout, "timeout", timeout < 1 ? "Member must have value greater than or equal to 1"
                    : "Member must have value less than or equal to 900");
        }
        int memory = memorySize == null ? 128 : memorySize;
        if (memory < 128 || memory > 10_240) {
            throw constraint(memory, "memorySize", memory < 128
                    ? "Member must have value greater than or equal to 128"
                    : "Member must have value less than or equal to 10240");
        }
        if (logGroup != null && !LOG_GROUP.matcher(logGroup).matches()) {
            throw constraint(logGroup, "loggingConfig.logGroup",
                    "Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+ and have length less than "
                            + "or equal to 512");
        }
        return new FunctionSettings(runtime, handler, timeout, memory, role, description, environment, logGroup);
    }

    /** The ZipFile of CreateFunction's Code; S3 and container images are not modelled by the twin. */
    static byte[] zipFile(software.amazon.awssdk.services.lambda.model.FunctionCode code) {
        if (code == null) {
            throw LambdaErrors.invalidParameter("Please provide a source for function code.");
        }
        return zipFile(code.zipFile(), code.s3Bucket() != null || code.imageUri() != null);
    }

    static byte[] zipFile(SdkBytes zipFile, boolean otherSource) {
        if (zipFile == null) {
            throw LambdaErrors.invalidParameter(otherSource
                    ? "The local Lambda twin takes code only as ZipFile bytes: pass --zip-file fileb://<package>"
                    : "Please provide a source for function code.");
        }
        byte[] bytes = zipFile.asByteArray();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            if (zip.getNextEntry() == null) {
                throw new IOException("no entries");
            }
        } catch (IOException e) {
            throw LambdaErrors.invalidParameter("Could not unzip uploaded file. Please check your file, then try to"
                    + " upload again.");
        }
        return bytes;
    }

    static String sha256(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the package to a temp file that lives as long as the JVM: the code a function runs from. */
    static Path store(byte[] zip) {
        try {
            Path jar = Files.createTempFile("greenlight-lambda-", ".jar");
            jar.toFile().deleteOnExit();
            Files.write(jar, zip);
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the twin runs for the package: the Java handler, or a runtime that cannot start here. */
    static FunctionCode code(String name, String arn, FunctionSettings settings, Path jar, RuntimeVariables runtime,
            FunctionLogs logs, Clock clock) {
        if (!JAVA_RUNTIMES.contains(settings.runtime())) {
            return payload -> CompletableFuture.failedFuture(new RuntimeStartFailure(
                    "Runtime.InvalidEntrypoint", "The local Lambda twin runs only the Java runtimes (java11, java17,"
                            + " java21) in-process; " + name + " uses " + settings.runtime()
                            + ", so it is recorded but cannot run here. Invoke it in AWS, or package it for java21."));
        }
        AtomicLong runs = new AtomicLong();
        return new JavaPackageCode(name, settings.role(), jar, settings.handler(), logStream -> new HandlerContext(name,
                arn, settings.memorySize(), settings.timeoutSeconds(), settings.environment(), settings.logGroupOf(name),
                UUID.nameUUIDFromBytes((arn + runs.incrementAndGet()).getBytes(StandardCharsets.UTF_8)).toString(),
                logStream), () -> environment(name, settings, runtime), logs, clock);
    }

    /**
     * The execution environment's variables: the function's own, what the runtime adds (credentials,
     * the twin's endpoint), and the reserved names Lambda sets, which a function cannot override.
     */
    private static Map<String, String> environment(String name, FunctionSettings settings, RuntimeVariables runtime) {
        Map<String, String> variables = new HashMap<>(settings.environment());
        variables.putAll(runtime.variables(name, settings.role()));
        variables.putAll(Map.of("AWS_REGION", LocalAccount.REGION, "AWS_DEFAULT_REGION", LocalAccount.REGION,
                "AWS_LAMBDA_FUNCTION_NAME", name, "AWS_LAMBDA_FUNCTION_VERSION", LocalFunction.LATEST,
                "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(settings.memorySize()),
                "AWS_EXECUTION_ENV", "AWS_Lambda_" + settings.runtime()));
        return variables;
    }

    private static RuntimeException constraint(Object value, String member, String rule) {
        return LambdaErrors.validation(value, member, rule);
    }
}
