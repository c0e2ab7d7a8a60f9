package dev.greenlight.local.aws.cloudformation.resources;

import dev.greenlight.local.aws.LocalAccount;
import dev.greenlight.local.aws.cloudformation.Provisioned;
import dev.greenlight.local.aws.cloudformation.ResourceProvider;
import dev.greenlight.local.aws.cloudformation.ResourceRequest;
import java.util.Set;

/**
 * AWS::Lambda::Alias, recorded only: the Lambda twin has no CreateAlias. Ref is the alias ARN
 * ({@code ...:function:NAME:ALIAS}), which the other twins resolve to the function; Fn::GetAtt
 * gives AliasArn. FunctionName and Name replace it.
 */
final class LambdaAliasProvider implements ResourceProvider {

    @Override
    public Provisioned create(ResourceRequest request) {
        String arn = LocalAccount.arn("lambda", "function:" + Documents.lastSegment(request.required("FunctionName"))
                + ":" + request.required("Name"));
        return Provisioned.of(arn, "AliasArn", arn);
    }

    @Override
    public Provisioned update(ResourceRequest request, Provisioned current) {
        return current;
    }

    @Override
    public void delete(Provisioned current, ResourceRequest request) {
    }

    @Override
    public Set<String> replacedOn() {
        return Set.of("FunctionName", "Name");
    }
}
