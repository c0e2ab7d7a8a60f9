package dev.greenlight.local.aws.cloudformation.resources;

import dev.greenlight.local.aws.cloudformation.Provisioned;
import dev.greenlight.local.aws.cloudformation.ResourceProvider;
import dev.greenlight.local.aws.cloudformation.ResourceRequest;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.LoggingConfig;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationRequest;

/**
 * AWS::Lambda::Function through Lambda's CreateFunction, with the package CDK uploaded: Code's
 * S3Bucket and S3Key are read from the S3 twin and given as the ZipFile, so the twin loads the
 * handler from that jar. A change updates the function in place. Inline Code.ZipFile source and
 * container images are refused. Ref is the name; Fn::GetAtt gives Arn.
 */
final class LambdaFunctionProvider implements ResourceProvider {

    /** CreateFunction's defaults, which a property removed from the template returns to. */
    private static final int DEFAULT_TIMEOUT = 3;
    private static final int DEFAULT_MEMORY = 128;

    private final LambdaClient lambda;
    private final S3Objects s3;

    LambdaFunctionProvider(LambdaClient lambda, S3Objects s3) {
        this.lambda = lambda;
        this.s3 = s3;
    }

    @Override
    public Provisioned create(ResourceRequest request) {
        return create(request, request.nameOr("FunctionName", 64, false));
    }

    /**
     * In place, as CloudFormation updates a function: new code (when the package differs) through
     * UpdateFunctionCode, then the whole configuration through UpdateFunctionConfiguration, a property
     * left out of the template going back to its default; versions, aliases and permissions stay.
     */
    @Override
    public Provisioned update(ResourceRequest request, Provisioned current) {
        String name = current.physicalId();
        SdkBytes code = code(request);
        String sha256 = Base64.getEncoder().encodeToString(sha256(code.asByteArray()));
        if (!sha256.equals(lambda.getFunctionConfiguration(r -> r.functionName(name)).codeSha256())) {
            lambda.updateFunctionCode(r -> r.functionName(name).zipFile(code));
        }
        UpdateFunctionConfigurationRequest.Builder builder = ApiShapes.fill(request.properties(),
                UpdateFunctionConfigurationRequest.builder(), "FunctionName", "RevisionId");
        UpdateFunctionConfigurationRequest configuration = builder.build();
        var response = lambda.updateFunctionConfiguration(builder.functionName(name)
                .timeout(configuration.timeout() == null ? DEFAULT_TIMEOUT : configuration.timeout())
                .memorySize(configuration.memorySize() == null ? DEFAULT_MEMORY : configuration.memorySize())
                .description(configuration.description() == null ? "" : configuration.description())
                .environment(e -> e.variables(configuration.environment() == null ? Map.of()
                        : configuration.environment().variables()))
                .loggingConfig(configuration.loggingConfig() == null ? LoggingConfig.builder().build()
                        : configuration.loggingConfig())
                .build());
        return provisioned(request, name, response.functionArn());
    }

    @Override
    public void delete(Provisioned current, ResourceRequest request) {
        lambda.deleteFunction(r -> r.functionName(current.physicalId()));
    }

    @Override
    public Set<String> replacedOn() {
        return Set.of("FunctionName", "PackageType");
    }

    private Provisioned create(ResourceRequest request, String name) {
        CreateFunctionRequest.Builder builder = ApiShapes.fill(request.properties(), CreateFunctionRequest.builder(),
                "Code", "FunctionName");
        var response = lambda.createFunction(builder.functionName(name).code(c -> c.zipFile(code(request))).build());
        return provisioned(request, name, response.functionArn());
    }

    private static Provisioned provisioned(ResourceRequest request, String name, String arn) {
        return Provisioned.of(name, "Arn", arn,
                "SnapStartResponse.ApplyOn", request.property("SnapStart").path("ApplyOn").asText("None"));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private SdkBytes code(ResourceRequest request) {
        var code = request.property("Code");
        if (!code.has("S3Bucket") || !code.has("S3Key")) {
            throw refused(request, "Code must name an S3Bucket and S3Key; inline ZipFile source and ImageUri are not "
                    + "supported by the local twin.");
        }
        String bucket = code.get("S3Bucket").asText();
        String key = code.get("S3Key").asText();
        return SdkBytes.fromByteArray(s3.bytes(bucket, key).orElseThrow(() ->
                refused(request, "Error occurred while GetObject. S3 Error Code: NoSuchKey. S3 Error Message: The "
                        + "specified key does not exist. (bucket " + bucket + ", key " + key + ")")));
    }

    private static CloudFormationException refused(ResourceRequest request, String message) {
        return dev.greenlight.local.aws.AwsErrors.of(CloudFormationException.builder(), "InvalidRequest",
                "Resource handler returned message: \"" + message + "\" (resource " + request.logicalId() + ")", 400);
    }
}
