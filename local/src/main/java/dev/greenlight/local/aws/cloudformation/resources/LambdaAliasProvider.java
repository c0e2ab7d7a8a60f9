package dev.greenlight.local.aws.cloudformation.resources;

import dev.greenlight.local.aws.cloudformation.Provisioned;
import dev.greenlight.local.aws.cloudformation.ResourceProvider;
import dev.greenlight.local.aws.cloudformation.ResourceRequest;
import java.util.Set;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * AWS::Lambda::Alias through Lambda's CreateAlias, UpdateAlias and DeleteAlias. Ref is the alias
 * ARN ({@code ...:function:NAME:ALIAS}); Fn::GetAtt gives AliasArn. FunctionName and Name replace
 * it; a new FunctionVersion or Description moves it in place.
 */
final class LambdaAliasProvider implements ResourceProvider {

    private final LambdaClient lambda;

    LambdaAliasProvider(LambdaClient lambda) {
        this.lambda = lambda;
    }

    @Override
    public Provisioned create(ResourceRequest request) {
        var alias = lambda.createAlias(r -> r.functionName(request.required("FunctionName"))
                .name(request.required("Name"))
                .functionVersion(request.required("FunctionVersion"))
                .description(request.text("Description").orElse(null)));
        return Provisioned.of(alias.aliasArn(), "AliasArn", alias.aliasArn());
    }

    @Override
    public Provisioned update(ResourceRequest request, Provisioned current) {
        lambda.updateAlias(r -> r.functionName(request.required("FunctionName"))
                .name(request.required("Name"))
                .functionVersion(request.required("FunctionVersion"))
                .description(request.text("Description").orElse(null)));
        return current;
    }

    /** An alias whose function is already gone went with it. */
    @Override
    public void delete(Provisioned current, ResourceRequest request) {
        try {
            lambda.deleteAlias(r -> r.functionName(request.required("FunctionName")).name(request.required("Name")));
        } catch (ResourceNotFoundException gone) {
            // Deleted with its function.
        }
    }

    @Override
    public Set<String> replacedOn() {
        return Set.of("FunctionName", "Name");
    }
}
