package dev.greenlight.local.aws.cloudformation.resources;

import dev.greenlight.local.aws.cloudformation.Provisioned;
import dev.greenlight.local.aws.cloudformation.ResourceProvider;
import dev.greenlight.local.aws.cloudformation.ResourceRequest;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * AWS::Lambda::Permission through Lambda's AddPermission and RemovePermission. A FunctionName with
 * a version or alias (as CDK writes for a rule whose target is an alias) grants on that version's or
 * alias's ARN only, as AddPermission does in AWS. Every property replaces it.
 */
final class LambdaPermissionProvider implements ResourceProvider {

    private final LambdaClient lambda;

    LambdaPermissionProvider(LambdaClient lambda) {
        this.lambda = lambda;
    }

    @Override
    public Provisioned create(ResourceRequest request) {
        String statementId = request.generatedName(100, false);
        lambda.addPermission(r -> r.functionName(request.required("FunctionName"))
                .statementId(statementId)
                .action(request.required("Action"))
                .principal(request.required("Principal"))
                .sourceArn(request.text("SourceArn").orElse(null))
                .sourceAccount(request.text("SourceAccount").orElse(null)));
        return Provisioned.of(statementId);
    }

    @Override
    public void delete(Provisioned current, ResourceRequest request) {
        lambda.removePermission(r -> r.functionName(request.required("FunctionName"))
                .statementId(current.physicalId()));
    }

    @Override
    public java.util.Set<String> replacedOn() {
        return ANY;
    }
}
