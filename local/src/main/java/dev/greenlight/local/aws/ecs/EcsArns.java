package dev.greenlight.local.aws.ecs;

import dev.greenlight.local.aws.LocalAccount;

/** ECS's ARNs (the long format, with the cluster in service, task set and task ARNs) and the names inside them. */
final class EcsArns {

    private EcsArns() {
    }

    static String cluster(String name) {
        return LocalAccount.arn("ecs", "cluster/" + name);
    }

    static String service(String cluster, String name) {
        return LocalAccount.arn("ecs", "service/" + cluster + "/" + name);
    }

    static String taskSet(String cluster, String service, String id) {
        return LocalAccount.arn("ecs", "task-set/" + cluster + "/" + service + "/" + id);
    }

    static String serviceRevision(String cluster, String service, String id) {
        return LocalAccount.arn("ecs", "service-revision/" + cluster + "/" + service + "/" + id);
    }

    static String serviceDeployment(String cluster, String service, String id) {
        return LocalAccount.arn("ecs", "service-deployment/" + cluster + "/" + service + "/" + id);
    }

    static String task(String cluster, String id) {
        return LocalAccount.arn("ecs", "task/" + cluster + "/" + id);
    }

    static String taskDefinition(String family, int revision) {
        return LocalAccount.arn("ecs", "task-definition/" + family + ":" + revision);
    }

    /** The last path segment of an ARN, or the value itself when it is a short name or id. */
    static String name(String nameOrArn) {
        if (!nameOrArn.startsWith("arn:")) {
            return nameOrArn;
        }
        return nameOrArn.substring(nameOrArn.lastIndexOf('/') + 1);
    }

    /** A task set id ({@code ecs-svc/123...}) from itself or from its ARN, whose id holds a slash. */
    static String taskSetId(String idOrArn) {
        if (!idOrArn.startsWith("arn:")) {
            return idOrArn;
        }
        String[] path = idOrArn.substring(idOrArn.indexOf(":task-set/") + ":task-set/".length()).split("/", 3);
        return path.length == 3 ? path[2] : idOrArn;
    }

    /** The resource after {@code task-definition/}: {@code family:revision}, or the value itself. */
    static String taskDefinitionReference(String reference) {
        int at = reference.indexOf(":task-definition/");
        return at < 0 ? reference : reference.substring(at + ":task-definition/".length());
    }
}
