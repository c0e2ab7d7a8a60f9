package dev.greenlight.local.aws.iam;

import dev.greenlight.local.aws.LocalAccount;
import dev.greenlight.local.clock.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.random.RandomGenerator;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.AttachRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.CreatePolicyRequest;
import software.amazon.awssdk.services.iam.model.CreatePolicyResponse;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;
import software.amazon.awssdk.services.iam.model.CreateRoleResponse;
import software.amazon.awssdk.services.iam.model.DeletePolicyRequest;
import software.amazon.awssdk.services.iam.model.DeletePolicyResponse;
import software.amazon.awssdk.services.iam.model.DeleteRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.DeleteRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.DeleteRoleRequest;
import software.amazon.awssdk.services.iam.model.DeleteRoleResponse;
import software.amazon.awssdk.services.iam.model.DetachRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.DetachRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.GetPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetPolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.GetPolicyVersionResponse;
import software.amazon.awssdk.services.iam.model.GetRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.GetRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.GetRoleRequest;
import software.amazon.awssdk.services.iam.model.GetRoleResponse;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListPoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListRoleTagsRequest;
import software.amazon.awssdk.services.iam.model.ListRoleTagsResponse;
import software.amazon.awssdk.services.iam.model.ListRolesRequest;
import software.amazon.awssdk.services.iam.model.ListRolesResponse;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.PutRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.PutRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.TagRoleRequest;
import software.amazon.awssdk.services.iam.model.TagRoleResponse;
import software.amazon.awssdk.services.iam.model.UntagRoleRequest;
import software.amazon.awssdk.services.iam.model.UntagRoleResponse;
import software.amazon.awssdk.services.iam.model.UpdateAssumeRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.UpdateAssumeRolePolicyResponse;

/**
 * IAM roles and policies as records, validated as the IAM API reference documents: names
 * {@code [\w+=,.@-]+}, paths {@code /.../}, policy documents checked by {@link PolicyDocuments},
 * the size quotas of "IAM and AWS STS quotas", and NoSuchEntity, EntityAlreadyExists and
 * DeleteConflict where AWS answers them. Documents come back URL-encoded, as IAM sends them.
 * AWS managed policies are known by ARN (see {@link AwsManagedPolicies}). Nothing is enforced
 * here: this twin only keeps what is granted.
 */
public final class IamTwin implements IamClient {

    private static final Pattern NAME = Pattern.compile("[\\w+=,.@-]+");
    private static final Pattern PATH = Pattern.compile("/|/[\\u0021-\\u007E]+/");
    private static final Pattern POLICY_ARN = Pattern.compile("arn:aws:iam::(aws|\\d{12}):policy(/.*/|/)([\\w+=,.@-]+)");
    private static final int TRUST_POLICY_SIZE = 2048;
    private static final int INLINE_POLICY_SIZE = 10240;
    private static final int MANAGED_POLICY_SIZE = 6144;
    private static final int ATTACHED_PER_ROLE = 10;

    private final Clock clock;
    private final Ids ids;
    private final Map<String, IamRole> roles = new LinkedHashMap<>();
    private final Map<String, ManagedPolicy> policies = new LinkedHashMap<>(AwsManagedPolicies.load());

    public IamTwin(Clock clock, RandomGenerator random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = new Ids(random);
    }

    /** The role named {@code name}, for STS and for callers that check what a role grants. */
    public synchronized Optional<software.amazon.awssdk.services.iam.model.Role> role(String name) {
        return Optional.ofNullable(roles.get(name)).map(IamRole::toSdk);
    }

    /** The trust policy of role {@code name} as stored (not URL-encoded). */
    public synchronized Optional<String> trustPolicy(String name) {
        return Optional.ofNullable(roles.get(name)).map(role -> role.trustPolicy);
    }

    /**
     * The permission policies of role {@code name} as stored (not URL-encoded): its inline policies,
     * then the default versions of its attached managed policies; empty when there is no such role.
     */
    public synchronized Optional<List<String>> permissionPolicies(String name) {
        IamRole role = roles.get(name);
        if (role == null) {
            return Optional.empty();
        }
        List<String> documents = new ArrayList<>(role.inlinePolicies.values());
        role.attachedPolicies.stream().map(policies::get).filter(Objects::nonNull)
                .forEach(policy -> documents.add(policy.document()));
        return Optional.of(List.copyOf(documents));
    }

    @Override
    public synchronized CreateRoleResponse createRole(CreateRoleRequest request) {
        String name = name("roleName", request.roleName(), 64);
        String path = path(request.path());
        int maxSession = request.maxSessionDuration() == null ? 3600 : request.maxSessionDuration();
        if (maxSession < 3600 || maxSession > 43200) {
            throw IamErrors.validation("maxSessionDuration", maxSession, "Member must have value less than or equal to 43200");
        }
        if (request.description() != null && request.description().length() > 1000) {
            throw IamErrors.validation("description", request.description(), "Member must have length less than or equal to 1000");
        }
        String trust = checkedTrustPolicy(request.assumeRolePolicyDocument());
        if (roles.keySet().stream().anyMatch(existing -> existing.equalsIgnoreCase(name))) {
            throw IamErrors.alreadyExists("Role with name " + name + " already exists.");
        }
        IamRole role = new IamRole(name, ids.next("AROA"), path, clock.now(), request.description(), maxSession, trust);
        request.tags().forEach(tag -> role.tags.put(tag.key(), tag.value()));
        roles.put(name, role);
        return CreateRoleResponse.builder().role(role.toSdk()).build();
    }

    @Override
    public synchronized GetRoleResponse getRole(GetRoleRequest request) {
        return GetRoleResponse.builder().role(existing(request.roleName()).toSdk()).build();
    }

    /** Tags and the session limit are left out of lists, as IAM leaves them. */
    @Override
    public synchronized ListRolesResponse listRoles(ListRolesRequest request) {
        String prefix = request.pathPrefix() == null ? "/" : request.pathPrefix();
        List<IamRole> matching = roles.values().stream().filter(role -> role.path.startsWith(prefix)).toList();
        Page<IamRole> page = Page.of(matching, request.marker(), request.maxItems());
        return ListRolesResponse.builder()
                .roles(page.items().stream().map(role -> role.toSdk().toBuilder().tags((List<Tag>) null)
                        .maxSessionDuration(null).build()).toList())
                .isTruncated(page.truncated()).marker(page.marker()).build();
    }

    @Override
    public synchronized DeleteRoleResponse deleteRole(DeleteRoleRequest request) {
        IamRole role = existing(request.roleName());
        if (!role.inlinePolicies.isEmpty()) {
            throw IamErrors.deleteConflict("Cannot delete entity, must delete policies first.");
        }
        if (!role.attachedPolicies.isEmpty()) {
            throw IamErrors.deleteConflict("Cannot delete entity, must detach all policies first.");
        }
        roles.remove(role.name);
        return DeleteRoleResponse.builder().build();
    }

    @Override
    public synchronized UpdateAssumeRolePolicyResponse updateAssumeRolePolicy(UpdateAssumeRolePolicyRequest request) {
        IamRole role = existing(request.roleName());
        role.trustPolicy = checkedTrustPolicy(request.policyDocument());
        return UpdateAssumeRolePolicyResponse.builder().build();
    }

    @Override
    public synchronized PutRolePolicyResponse putRolePolicy(PutRolePolicyRequest request) {
        IamRole role = existing(request.roleName());
        String policyName = name("policyName", request.policyName(), 128);
        String document = document("policyDocument", request.policyDocument(), PolicyKind.IDENTITY);
        int total = role.inlinePolicies.entrySet().stream().filter(e -> !e.getKey().equals(policyName))
                .mapToInt(e -> withoutWhitespace(e.getValue())).sum() + withoutWhitespace(document);
        if (total > INLINE_POLICY_SIZE) {
            throw IamErrors.limitExceeded("Maximum policy size of " + INLINE_POLICY_SIZE + " bytes exceeded for role "
                    + role.name);
        }
        role.inlinePolicies.put(policyName, document);
        return PutRolePolicyResponse.builder().build();
    }

    @Override
    public synchronized GetRolePolicyResponse getRolePolicy(GetRolePolicyRequest request) {
        IamRole role = existing(request.roleName());
        String document = role.inlinePolicies.get(request.policyName());
        if (document == null) {
            throw IamErrors.noSuchEntity("The role policy with name " + request.policyName() + " cannot be found.");
        }
        return GetRolePolicyResponse.builder().roleName(role.name).policyName(request.policyName())
                .policyDocument(PolicyDocuments.encoded(document)).build();
    }

    @Override
    public synchronized ListRolePoliciesResponse listRolePolicies(ListRolePoliciesRequest request) {
        IamRole role = existing(request.roleName());
        Page<String> page = Page.of(List.copyOf(role.inlinePolicies.keySet()), request.marker(), request.maxItems());
        return ListRolePoliciesResponse.builder().policyNames(page.items()).isTruncated(page.truncated())
                .marker(page.marker()).build();
    }

    @Override
    public synchronized DeleteRolePolicyResponse deleteRolePolicy(DeleteRolePolicyRequest request) {
        IamRole role = existing(request.roleName());
        if (role.inlinePolicies.remove(request.policyName()) == null) {
            throw IamErrors.noSuchEntity("The role policy with name " + request.policyName() + " cannot be found.");
        }
        return DeleteRolePolicyResponse.builder().build();
    }

    @Override
    public synchronized AttachRolePolicyResponse attachRolePolicy(AttachRolePolicyRequest request) {
        IamRole role = existing(request.roleName());
        ManagedPolicy policy = attachable(request.policyArn());
        if (!role.attachedPolicies.contains(policy.arn()) && role.attachedPolicies.size() >= ATTACHED_PER_ROLE) {
            throw IamErrors.limitExceeded("Cannot exceed quota for PoliciesPerRole: " + ATTACHED_PER_ROLE);
        }
        role.attachedPolicies.add(policy.arn());
        return AttachRolePolicyResponse.builder().build();
    }

    @Override
    public synchronized DetachRolePolicyResponse detachRolePolicy(DetachRolePolicyRequest request) {
        IamRole role = existing(request.roleName());
        policyArn(request.policyArn());
        if (!role.attachedPolicies.remove(request.policyArn())) {
            throw IamErrors.noSuchEntity("Policy " + request.policyArn() + " was not found.");
        }
        return DetachRolePolicyResponse.builder().build();
    }

    @Override
    public synchronized ListAttachedRolePoliciesResponse listAttachedRolePolicies(ListAttachedRolePoliciesRequest request) {
        IamRole role = existing(request.roleName());
        String prefix = request.pathPrefix() == null ? "/" : request.pathPrefix();
        List<AttachedPolicy> attached = role.attachedPolicies.stream().map(policies::get)
                .filter(policy -> policy.path().startsWith(prefix))
                .map(policy -> AttachedPolicy.builder().policyName(policy.name()).policyArn(policy.arn()).build())
                .toList();
        Page<AttachedPolicy> page = Page.of(attached, request.marker(), request.maxItems());
        return ListAttachedRolePoliciesResponse.builder().attachedPolicies(page.items())
                .isTruncated(page.truncated()).marker(page.marker()).build();
    }

    @Override
    public synchronized CreatePolicyResponse createPolicy(CreatePolicyRequest request) {
        String name = name("policyName", request.policyName(), 128);
        String path = path(request.path());
        String document = document("policyDocument", request.policyDocument(), PolicyKind.IDENTITY);
        if (withoutWhitespace(document) > MANAGED_POLICY_SIZE) {
            throw IamErrors.limitExceeded("Cannot exceed quota for PolicySize: " + MANAGED_POLICY_SIZE);
        }
        String arn = "arn:aws:iam::" + LocalAccount.ID + ":policy" + path + name;
        if (policies.values().stream().anyMatch(p -> !p.isAwsManaged() && p.name().equalsIgnoreCase(name))) {
            throw IamErrors.alreadyExists("A policy called " + name + " already exists. Duplicate names are not allowed.");
        }
        ManagedPolicy policy = new ManagedPolicy(name, ids.next("ANPA"), arn, path, request.description(), "v1", document,
                clock.now(), clock.now(), List.copyOf(request.tags()));
        policies.put(arn, policy);
        return CreatePolicyResponse.builder().policy(policy.toSdk(0)).build();
    }

    @Override
    public synchronized GetPolicyResponse getPolicy(GetPolicyRequest request) {
        ManagedPolicy policy = attachable(request.policyArn());
        return GetPolicyResponse.builder().policy(policy.toSdk(attachments(policy.arn()))).build();
    }

    @Override
    public synchronized GetPolicyVersionResponse getPolicyVersion(GetPolicyVersionRequest request) {
        ManagedPolicy policy = attachable(request.policyArn());
        if (!policy.versionId().equals(request.versionId())) {
            throw IamErrors.noSuchEntity("Policy " + policy.arn() + " version " + request.versionId() + " does not exist.");
        }
        return GetPolicyVersionResponse.builder().policyVersion(PolicyVersion.builder()
                .document(PolicyDocuments.encoded(policy.document())).versionId(policy.versionId())
                .isDefaultVersion(true).createDate(policy.updated()).build()).build();
    }

    /** Scope All by default; AWS lists only the AWS managed policies the twin knows. */
    @Override
    public synchronized ListPoliciesResponse listPolicies(ListPoliciesRequest request) {
        PolicyScopeType scope = request.scope() == null ? PolicyScopeType.ALL : request.scope();
        String prefix = request.pathPrefix() == null ? "/" : request.pathPrefix();
        List<ManagedPolicy> matching = policies.values().stream()
                .filter(p -> scope == PolicyScopeType.ALL || (scope == PolicyScopeType.AWS) == p.isAwsManaged())
                .filter(p -> p.path().startsWith(prefix))
                .filter(p -> !Boolean.TRUE.equals(request.onlyAttached()) || attachments(p.arn()) > 0)
                .toList();
        Page<ManagedPolicy> page = Page.of(matching, request.marker(), request.maxItems());
        return ListPoliciesResponse.builder()
                .policies(page.items().stream().map(p -> p.toSdk(attachments(p.arn())).toBuilder()
                        .description(null).tags((List<Tag>) null).build()).toList())
                .isTruncated(page.truncated()).marker(page.marker()).build();
    }

    @Override
    public synchronized DeletePolicyResponse deletePolicy(DeletePolicyRequest request) {
        ManagedPolicy policy = attachable(request.policyArn());
        if (policy.isAwsManaged()) {
            throw IamErrors.invalidInput("ARN " + policy.arn() + " is not valid.");
        }
        if (attachments(policy.arn()) > 0) {
            throw IamErrors.deleteConflict("Cannot delete a policy attached to entities.");
        }
        policies.remove(policy.arn());
        return DeletePolicyResponse.builder().build();
    }

    @Override
    public synchronized TagRoleResponse tagRole(TagRoleRequest request) {
        IamRole role = existing(request.roleName());
        request.tags().forEach(tag -> role.tags.put(tag.key(), tag.value()));
        if (role.tags.size() > 50) {
            throw IamErrors.limitExceeded("Cannot exceed quota for TagsPerRole: 50");
        }
        return TagRoleResponse.builder().build();
    }

    @Override
    public synchronized UntagRoleResponse untagRole(UntagRoleRequest request) {
        existing(request.roleName()).tags.keySet().removeAll(request.tagKeys());
        return UntagRoleResponse.builder().build();
    }

    @Override
    public synchronized ListRoleTagsResponse listRoleTags(ListRoleTagsRequest request) {
        IamRole role = existing(request.roleName());
        Page<Tag> page = Page.of(role.sdkTags(), request.marker(), request.maxItems());
        return ListRoleTagsResponse.builder().tags(page.items()).isTruncated(page.truncated()).marker(page.marker())
                .build();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }

    private IamRole existing(String roleName) {
        name("roleName", roleName, 64);
        IamRole role = roles.get(roleName);
        if (role == null) {
            throw IamErrors.noSuchRole(roleName);
        }
        return role;
    }

    private ManagedPolicy attachable(String arn) {
        policyArn(arn);
        ManagedPolicy policy = policies.get(arn);
        if (policy == null) {
            throw IamErrors.noSuchEntity("Policy " + arn + " does not exist or is not attachable.");
        }
        return policy;
    }

    private static void policyArn(String arn) {
        if (arn == null || !POLICY_ARN.matcher(arn).matches()) {
            throw IamErrors.invalidInput("ARN " + arn + " is not valid.");
        }
    }

    private int attachments(String arn) {
        return (int) roles.values().stream().filter(role -> role.attachedPolicies.contains(arn)).count();
    }

    private String checkedTrustPolicy(String text) {
        String document = document("assumeRolePolicyDocument", text, PolicyKind.TRUST);
        if (withoutWhitespace(document) > TRUST_POLICY_SIZE) {
            throw IamErrors.limitExceeded("Cannot exceed quota for ACLSizePerRole: " + TRUST_POLICY_SIZE);
        }
        return document;
    }

    private String document(String member, String text, PolicyKind kind) {
        if (text == null || text.isEmpty()) {
            throw IamErrors.validation(member, text, "Member must have length greater than or equal to 1");
        }
        PolicyDocuments.validate(text, kind, this::entityExists);
        return text;
    }

    /** Roles of this account by ARN; the twin has no IAM users, so a user principal never exists. */
    private boolean entityExists(String arn) {
        return roles.values().stream().anyMatch(role -> role.arn().equals(arn));
    }

    private static String name(String member, String value, int maxLength) {
        if (value == null || value.isEmpty() || value.length() > maxLength) {
            throw IamErrors.validation(member, value, "Member must have length less than or equal to " + maxLength);
        }
        if (!NAME.matcher(value).matches()) {
            throw IamErrors.validation(member, value, "Member must satisfy regular expression pattern: [\\w+=,.@-]+");
        }
        return value;
    }

    private static String path(String value) {
        String path = value == null ? "/" : value;
        if (path.length() > 512 || !PATH.matcher(path).matches()) {
            throw IamErrors.validation("path", path,
                    "Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)");
        }
        return path;
    }

    private static int withoutWhitespace(String document) {
        return document.replaceAll("\\s", "").length();
    }
}
