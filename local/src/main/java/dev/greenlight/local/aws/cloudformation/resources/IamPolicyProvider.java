package dev.greenlight.local.aws.cloudformation.resources;

import dev.greenlight.local.aws.cloudformation.Provisioned;
import dev.greenlight.local.aws.cloudformation.ResourceProvider;
import dev.greenlight.local.aws.cloudformation.ResourceRequest;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * AWS::IAM::Policy through IAM: an inline policy put on each of its Roles (Users and Groups are
 * not modelled by the IAM twin and are refused by it). Ref is a generated id, as AWS gives.
 */
final class IamPolicyProvider implements ResourceProvider {

    private final IamClient iam;

    IamPolicyProvider(IamClient iam) {
        this.iam = iam;
    }

    @Override
    public Provisioned create(ResourceRequest request) {
        put(request);
        return Provisioned.of(request.generatedName(64, false));
    }

    @Override
    public Provisioned update(ResourceRequest request, Provisioned current) {
        put(request);
        return current;
    }

    @Override
    public void delete(Provisioned current, ResourceRequest request) {
        String policyName = request.required("PolicyName");
        for (String role : Documents.strings(request.property("Roles"))) {
            if (iam.listRolePolicies(r -> r.roleName(role)).policyNames().contains(policyName)) {
                iam.deleteRolePolicy(r -> r.roleName(role).policyName(policyName));
            }
        }
    }

    private void put(ResourceRequest request) {
        if (!Documents.strings(request.property("Users")).isEmpty() || !Documents.strings(request.property("Groups")).isEmpty()) {
            throw Unsupported.property(request, "Users/Groups");
        }
        String policyName = request.required("PolicyName");
        String document = Documents.json(request.property("PolicyDocument"));
        for (String role : Documents.strings(request.property("Roles"))) {
            iam.putRolePolicy(r -> r.roleName(role).policyName(policyName).policyDocument(document));
        }
    }
}
