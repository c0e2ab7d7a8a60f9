package dev.greenlight.local.aws.lambda;

import dev.greenlight.local.aws.LocalAccount;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import software.amazon.awssdk.services.lambda.model.Architecture;
import software.amazon.awssdk.services.lambda.model.EnvironmentResponse;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.LogFormat;
import software.amazon.awssdk.services.lambda.model.PackageType;
import software.amazon.awssdk.services.lambda.model.State;

/**
 * A function: its $LATEST configuration and its code, or one published version of them.
 *
 * @param version {@code $LATEST} or the published version's number
 * @param codeSize the uploaded package's size in bytes, 0 for code registered in-process
 * @param codeSha256 the package's SHA-256, base64, as CodeSha256 shows it; empty for in-process code
 */
record LocalFunction(String name, String version, FunctionSettings settings, FunctionCode code, Instant lastModified,
        long codeSize, String codeSha256) {

    static final String LATEST = "$LATEST";

    /** Lambda's LastModified format: {@code 2026-01-01T00:00:00.000+0000}. */
    private static final DateTimeFormatter LAST_MODIFIED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    String arn() {
        return LocalAccount.arn("lambda", "function:" + name);
    }

    /** The same code and configuration as version {@code number}. */
    LocalFunction published(int number) {
        return new LocalFunction(name, Integer.toString(number), settings, code, lastModified, codeSize, codeSha256);
    }

    /** Whether publishing this $LATEST again would publish nothing new: same code, same configuration. */
    boolean sameAs(LocalFunction other) {
        return settings.equals(other.settings) && code == other.code && codeSha256.equals(other.codeSha256);
    }

    /** A published version's configuration names its qualified ARN; $LATEST's the unqualified one. */
    FunctionConfiguration configuration() {
        return FunctionConfiguration.builder()
                .functionName(name)
                .functionArn(version.equals(LATEST) ? arn() : arn() + ":" + version)
                .runtime(settings.runtime())
                .role(settings.role())
                .handler(settings.handler())
                .description(settings.description())
                .timeout(settings.timeoutSeconds())
                .memorySize(settings.memorySize())
                .lastModified(LAST_MODIFIED.format(lastModified))
                .codeSize(codeSize)
                .codeSha256(codeSha256)
                .environment(settings.environment().isEmpty() ? null
                        : EnvironmentResponse.builder().variables(settings.environment()).build())
                .loggingConfig(c -> c.logFormat(LogFormat.TEXT).logGroup(settings.logGroupOf(name)))
                .version(version)
                .packageType(PackageType.ZIP)
                .architectures(Architecture.X86_64)
                .state(State.ACTIVE)
                .lastUpdateStatus(LastUpdateStatus.SUCCESSFUL)
                .build();
    }
}
