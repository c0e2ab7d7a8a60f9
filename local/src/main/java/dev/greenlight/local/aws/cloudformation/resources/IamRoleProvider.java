package dev.greenlight.local.aws.cloudformation.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.local.aws.cloudformation.Provisioned;
import dev.greenlight.local.aws.cloudformation.ResourceProvider;
import dev.greenlight.local.aws.cloudformation.ResourceRequest;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * AWS::IAM::Role through IAM: the role, its inline Policies and ManagedPolicyArns. Ref is the
 * role name; Fn::GetAtt gives Arn and RoleId. RoleName and Path replace the role.
 */
final class IamRoleProvider implements ResourceProvider {

    private final IamClient iam;

    IamRoleProvider(IamClient iam) {
        this.iam = iam;
    }

    @Override
    public Provisioned create(ResourceRequest request) {
        String name = request.nameOr("RoleName", 64, false);
        Role role = iam.createRole(r -> r.roleName(name)
                .assumeRolePolicyDocument(Documents.json(request.property("AssumeRolePolicyDocument")))
                .path(request.text("Path").orElse(null))
                .description(request.text("Description").orElse(null))
                .maxSessionDuration(request.text("MaxSessionDuration").map(Integer::valueOf).orElse(null))
                .tags(tags(request.property("Tags")))).role();
        attach(name, request);
        return Provisioned.of(name, "Arn", role.arn(), "RoleId", role.roleId());
    }

    @Override
    public Provisioned update(ResourceRequest request, Provisioned current) {
        String name = current.physicalId();
        detach(name);
        iam.updateAssumeRolePolicy(r -> r.roleName(name)
                .policyDocument(Documents.json(request.property("AssumeRolePolicyDocument"))));
        attach(name, request);
        return current;
    }

    @Override
    public void delete(Provisioned current, ResourceRequest request) {
        detach(current.physicalId());
        iam.deleteRole(r -> r.roleName(current.physicalId()));
    }

    @Override
    public Set<String> replacedOn() {
        return Set.of("RoleName", "Path");
    }

    private void attach(String name, ResourceRequest request) {
        for (JsonNode policy : request.property("Policies")) {
            iam.putRolePolicy(r -> r.roleName(name).policyName(policy.path("PolicyName").asText())
                    .policyDocument(Documents.json(policy.path("PolicyDocument"))));
        }
        for (String arn : Documents.strings(request.property("ManagedPolicyArns"))) {
            iam.attachRolePolicy(r -> r.roleName(name).policyArn(arn));
        }
    }

    private void detach(String name) {
        iam.listRolePolicies(r -> r.roleName(name)).policyNames()
                .forEach(policy -> iam.deleteRolePolicy(r -> r.roleName(name).policyName(policy)));
        iam.listAttachedRolePolicies(r -> r.roleName(name)).attachedPolicies()
                .forEach(policy -> iam.detachRolePolicy(r -> r.roleName(name).policyArn(policy.policyArn())));
    }

    static List<Tag> tags(JsonNode tags) {
        return java.util.stream.StreamSupport.stream(tags.spliterator(), false)
                .map(t -> Tag.builder().key(t.path("Key").asText()).value(t.path("Value").asText()).build()).toList();
    }
}
