package dev.greenlight.local.aws.codedeploy;

import java.time.Instant;
import software.amazon.awssdk.services.codedeploy.model.ApplicationInfo;
import software.amazon.awssdk.services.codedeploy.model.ComputePlatform;

/** A CodeDeploy application of the ECS compute platform. */
record Application(String name, String id, Instant createTime) {

    ApplicationInfo toSdk() {
        return ApplicationInfo.builder().applicationName(name).applicationId(id).createTime(createTime)
                .linkedToGitHub(false).computePlatform(ComputePlatform.ECS).build();
    }
}
