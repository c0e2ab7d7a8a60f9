package dev.greenlight.local.aws.ecr;

import dev.greenlight.local.aws.LocalAccount;
import java.time.Instant;
import software.amazon.awssdk.services.ecr.model.ImageScanningConfiguration;
import software.amazon.awssdk.services.ecr.model.ImageTagMutability;

/** A private repository and the settings CreateRepository gave it. */
record Repository(String name, Instant createdAt, boolean scanOnPush, ImageTagMutability tagMutability) {

    String arn() {
        return LocalAccount.arn("ecr", "repository/" + name);
    }

    String uri() {
        return LocalAccount.ID + ".dkr.ecr." + LocalAccount.REGION + ".amazonaws.com/" + name;
    }

    Repository withTagMutability(ImageTagMutability mutability) {
        return new Repository(name, createdAt, scanOnPush, mutability);
    }

    Repository withScanOnPush(boolean scan) {
        return new Repository(name, createdAt, scan, tagMutability);
    }

    boolean immutableTags() {
        return tagMutability == ImageTagMutability.IMMUTABLE;
    }

    software.amazon.awssdk.services.ecr.model.Repository toSdk() {
        return software.amazon.awssdk.services.ecr.model.Repository.builder()
                .repositoryName(name)
                .repositoryArn(arn())
                .registryId(LocalAccount.ID)
                .repositoryUri(uri())
                .createdAt(createdAt)
                .imageTagMutability(tagMutability)
                .imageScanningConfiguration(ImageScanningConfiguration.builder().scanOnPush(scanOnPush).build())
                .build();
    }
}
