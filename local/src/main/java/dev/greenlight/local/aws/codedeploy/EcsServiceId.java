package dev.greenlight.local.aws.codedeploy;

import java.util.Objects;

/** The ECS service a deployment group deploys to; CodeDeploy names its ECS target {@code cluster:service}. */
public record EcsServiceId(String cluster, String service) {

    public EcsServiceId {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(service, "service");
    }

    /** The deployment target id CodeDeploy gives an ECS service. */
    public String targetId() {
        return cluster + ":" + service;
    }
}
