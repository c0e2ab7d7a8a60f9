package dev.greenlight.local.aws.iam;

import dev.greenlight.local.aws.LocalAccount;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * A role as IAM keeps it: its trust policy, inline policies by name and attached managed
 * policies by ARN. Mutable only under the twin's lock.
 */
final class IamRole {

    final String name;
    final String id;
    final String path;
    final Instant created;
    final String description;
    final int maxSessionDuration;
    String trustPolicy;
    final Map<String, String> inlinePolicies = new LinkedHashMap<>();
    final Set<String> attachedPolicies = new LinkedHashSet<>();
    final Map<String, String> tags = new LinkedHashMap<>();

    IamRole(String name, String id, String path, Instant created, String description, int maxSessionDuration,
            String trustPolicy) {
        this.name = name;
        this.id = id;
        this.path = path;
        this.created = created;
        this.description = description;
        this.maxSessionDuration = maxSessionDuration;
        this.trustPolicy = trustPolicy;
    }

    String arn() {
        return arnOf(path, name);
    }

    static String arnOf(String path, String name) {
        return "arn:aws:iam::" + LocalAccount.ID + ":role" + path + name;
    }

    List<Tag> sdkTags() {
        return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
    }

    Role toSdk() {
        return Role.builder().path(path).roleName(name).roleId(id).arn(arn()).createDate(created)
                .assumeRolePolicyDocument(PolicyDocuments.encoded(trustPolicy)).description(description)
                .maxSessionDuration(maxSessionDuration).tags(tags.isEmpty() ? null : sdkTags()).build();
    }
}
