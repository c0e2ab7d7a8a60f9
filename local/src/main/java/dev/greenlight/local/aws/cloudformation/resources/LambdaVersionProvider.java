package dev.greenlight.local.aws.cloudformation.resources;

import dev.greenlight.local.aws.LocalAccount;
import dev.greenlight.local.aws.cloudformation.Provisioned;
import dev.greenlight.local.aws.cloudformation.ResourceProvider;
import dev.greenlight.local.aws.cloudformation.ResourceRequest;
import java.util.HashMap;
import java.util.Map;

/**
 * AWS::Lambda::Version, recorded only: the Lambda twin has no PublishVersion (invocations run
 * $LATEST). Versions are numbered per function from 1, as Lambda numbers them; Ref is the version
 * ARN; Fn::GetAtt gives Version and FunctionArn. Every change publishes a new version.
 */
final class LambdaVersionProvider implements ResourceProvider {

    private final Map<String, Integer> published = new HashMap<>();

    @Override
    public synchronized Provisioned create(ResourceRequest request) {
        String function = Documents.lastSegment(request.required("FunctionName"));
        int version = published.merge(function, 1, Integer::sum);
        String functionArn = LocalAccount.arn("lambda", "function:" + function);
        return Provisioned.of(functionArn + ":" + version, "Version", Integer.toString(version),
                "FunctionArn", functionArn);
    }

    @Override
    public void delete(Provisioned current, ResourceRequest request) {
    }

    @Override
    public java.util.Set<String> replacedOn() {
        return ANY;
    }
}
