package dev.greenlight.local.aws.iam;

import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.Tag;

/** A managed policy, AWS's own ({@code arn:aws:iam::aws:policy/...}) or the account's, with its one default version. */
record ManagedPolicy(String name, String id, String arn, String path, String description, String versionId,
        String document, Instant created, Instant updated, List<Tag> tags) {

    boolean isAwsManaged() {
        return arn.startsWith("arn:aws:iam::aws:");
    }

    Policy toSdk(int attachmentCount) {
        return Policy.builder().policyName(name).policyId(id).arn(arn).path(path).defaultVersionId(versionId)
                .attachmentCount(attachmentCount).permissionsBoundaryUsageCount(0).isAttachable(true)
                .description(description).createDate(created).updateDate(updated)
                .tags(tags.isEmpty() ? null : tags).build();
    }
}
