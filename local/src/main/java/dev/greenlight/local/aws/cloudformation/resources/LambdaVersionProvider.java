package dev.greenlight.local.aws.cloudformation.resources;

import dev.greenlight.local.aws.cloudformation.Provisioned;
import dev.greenlight.local.aws.cloudformation.ResourceProvider;
import dev.greenlight.local.aws.cloudformation.ResourceRequest;
import java.util.Set;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * AWS::Lambda::Version through Lambda's PublishVersion; deleting it deletes that version. Ref is
 * the version ARN; Fn::GetAtt gives Version and FunctionArn. Every change publishes a new version.
 */
final class LambdaVersionProvider implements ResourceProvider {

    private final LambdaClient lambda;

    LambdaVersionProvider(LambdaClient lambda) {
        this.lambda = lambda;
    }

    @Override
    public Provisioned create(ResourceRequest request) {
        var version = lambda.publishVersion(r -> r.functionName(request.required("FunctionName"))
                .codeSha256(request.text("CodeSha256").orElse(null))
                .description(request.text("Description").orElse(null)));
        String functionArn = version.functionArn().substring(0, version.functionArn().lastIndexOf(':'));
        return Provisioned.of(version.functionArn(), "Version", version.version(), "FunctionArn", functionArn);
    }

    /** A version whose function is already gone went with it. */
    @Override
    public void delete(Provisioned current, ResourceRequest request) {
        try {
            lambda.deleteFunction(r -> r.functionName(current.physicalId()));
        } catch (ResourceNotFoundException gone) {
            // Deleted with its function.
        }
    }

    @Override
    public Set<String> replacedOn() {
        return ANY;
    }
}
