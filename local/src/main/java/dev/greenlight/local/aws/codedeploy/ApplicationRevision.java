package dev.greenlight.local.aws.codedeploy;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import software.amazon.awssdk.services.codedeploy.model.GenericRevisionInfo;
import software.amazon.awssdk.services.codedeploy.model.RevisionLocation;

/** A revision an application knows: registered by RegisterApplicationRevision or by a deployment of it. */
final class ApplicationRevision {

    final RevisionLocation location;
    private String description;
    private Instant registerTime;
    private Instant firstUsedTime;
    private Instant lastUsedTime;
    private final Set<String> deploymentGroups = new LinkedHashSet<>();

    ApplicationRevision(RevisionLocation location) {
        this.location = location;
    }

    void registered(String newDescription, Instant at) {
        description = newDescription;
        registerTime = at;
    }

    void deployedBy(String group, Instant at) {
        deploymentGroups.add(group);
        if (firstUsedTime == null) {
            firstUsedTime = at;
        }
        lastUsedTime = at;
        if (registerTime == null) {
            registerTime = at;
        }
    }

    GenericRevisionInfo toInfo() {
        return GenericRevisionInfo.builder().description(description).deploymentGroups(deploymentGroups)
                .firstUsedTime(firstUsedTime).lastUsedTime(lastUsedTime).registerTime(registerTime).build();
    }
}
