package dev.greenlight.local.aws.cloudformation.resources;

import dev.greenlight.local.aws.cloudformation.Provisioned;
import dev.greenlight.local.aws.cloudformation.ResourceProvider;
import dev.greenlight.local.aws.cloudformation.ResourceRequest;
import java.util.Set;
import software.amazon.awssdk.services.iam.IamClient;

/** AWS::IAM::ManagedPolicy through IAM: the policy, attached to its Roles. Ref is the policy ARN. */
final class IamManagedPolicyProvider implements ResourceProvider {

    private final IamClient iam;

    IamManagedPolicyProvider(IamClient iam) {
        this.iam = iam;
    }

    @Override
    public Provisioned create(ResourceRequest request) {
        String arn = iam.createPolicy(r -> r.policyName(request.nameOr("ManagedPolicyName", 128, false))
                .path(request.text("Path").orElse(null))
                .description(request.text("Description").orElse(null))
                .policyDocument(Documents.json(request.property("PolicyDocument")))).policy().arn();
        for (String role : Documents.strings(request.property("Roles"))) {
            iam.attachRolePolicy(r -> r.roleName(role).policyArn(arn));
        }
        return Provisioned.of(arn, "PolicyArn", arn);
    }

    @Override
    public void delete(Provisioned current, ResourceRequest request) {
        for (String role : Documents.strings(request.property("Roles"))) {
            iam.detachRolePolicy(r -> r.roleName(role).policyArn(current.physicalId()));
        }
        iam.deletePolicy(r -> r.policyArn(current.physicalId()));
    }

    @Override
    public Set<String> replacedOn() {
        return ANY;
    }
}
