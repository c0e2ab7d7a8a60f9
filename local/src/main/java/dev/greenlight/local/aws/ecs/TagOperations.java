package dev.greenlight.local.aws.ecs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ecs.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.ecs.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TagResourceRequest;
import software.amazon.awssdk.services.ecs.model.TagResourceResponse;
import software.amazon.awssdk.services.ecs.model.UntagResourceRequest;
import software.amazon.awssdk.services.ecs.model.UntagResourceResponse;

/**
 * TagResource, UntagResource and ListTagsForResource on the resources the twin holds by ARN: task
 * sets, services, clusters and task definitions. ECS's Tag rules: at most 50 tags a resource (those prefixed
 * {@code aws:} do not count, and callers may not set them), keys of 1 to 128 characters, values of
 * 0 to 256, both of letters, numbers, spaces and {@code _ . : / = + - @}. AWS's API reference lists
 * tasks, services, task definitions, clusters, capacity providers and container instances as taggable;
 * task sets carry tags too (CreateTaskSet's tags, DescribeTaskSets' include TAGS, IAM's task-set
 * resource for ecs:TagResource). AWS does not publish the messages; these are ours.
 */
final class TagOperations {

    static final int MAX_TAGS = 50;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    private final EcsState state;

    TagOperations(EcsState state) {
        this.state = state;
    }

    TagResourceResponse tag(TagResourceRequest request) {
        String arn = existing(request.resourceArn());
        if (!request.hasTags() || request.tags().isEmpty()) {
            throw EcsErrors.invalidParameter("tags must contain at least one tag.");
        }
        Map<String, String> after = new LinkedHashMap<>(state.tags.getOrDefault(arn, Map.of()));
        for (Tag tag : request.tags()) {
            check(tag);
            after.put(tag.key(), tag.value() == null ? "" : tag.value());
        }
        long counted = after.keySet().stream().filter(key -> !reserved(key)).count();
        if (counted > MAX_TAGS) {
            throw EcsErrors.invalidParameter("A resource can have at most " + MAX_TAGS + " tags; this request "
                    + "would leave " + counted + ".");
        }
        state.tags.put(arn, after);
        return TagResourceResponse.builder().build();
    }

    UntagResourceResponse untag(UntagResourceRequest request) {
        String arn = existing(request.resourceArn());
        if (!request.hasTagKeys() || request.tagKeys().isEmpty()) {
            throw EcsErrors.invalidParameter("tagKeys must contain at least one key.");
        }
        request.tagKeys().stream().filter(TagOperations::reserved).findFirst().ifPresent(key -> {
            throw EcsErrors.invalidParameter("Tag keys prefixed with aws: are reserved for AWS use: " + key);
        });
        Map<String, String> tags = state.tags.get(arn);
        if (tags != null) {
            request.tagKeys().forEach(tags::remove);
        }
        return UntagResourceResponse.builder().build();
    }

    ListTagsForResourceResponse list(ListTagsForResourceRequest request) {
        return ListTagsForResourceResponse.builder().tags(tagsOf(existing(request.resourceArn()))).build();
    }

    /** The resource's tags, none when it has never been tagged. */
    List<Tag> tagsOf(String arn) {
        return state.tags.getOrDefault(arn, Map.of()).entrySet().stream()
                .map(tag -> Tag.builder().key(tag.getKey()).value(tag.getValue()).build()).toList();
    }

    /** The ARN of a task set, service or cluster that exists; a short service ARN cannot be tagged. */
    private String existing(String arn) {
        if (arn == null || arn.isBlank()) {
            throw EcsErrors.invalidParameter("resourceArn is required.");
        }
        if (!arn.startsWith("arn:") || !arn.contains(":ecs:")) {
            throw EcsErrors.invalidParameter("Invalid identifier: " + arn + " is not an ECS resource ARN.");
        }
        String resource = arn.substring(arn.indexOf(':', arn.indexOf(":ecs:") + 5) + 1);
        resource = resource.substring(resource.indexOf(':') + 1);
        boolean exists;
        if (resource.startsWith("task-set/")) {
            exists = state.taskSets.values().stream().anyMatch(set -> set.arn().equals(arn));
        } else if (resource.startsWith("service/")) {
            if (resource.split("/").length != 3) {
                throw EcsErrors.invalidParameter("Long arn format must be used for tagging operations.");
            }
            exists = state.services.values().stream().anyMatch(service -> service.arn().equals(arn));
        } else if (resource.startsWith("task-definition/")) {
            // A revision is the resource; the family alone is not.
            exists = EcsArns.taskDefinitionReference(arn).contains(":")
                    && state.taskDefinitions.exists(EcsArns.taskDefinitionReference(arn));
        } else if (resource.startsWith("cluster/")) {
            exists = state.clusters.values().stream().anyMatch(cluster -> cluster.arn().equals(arn));
        } else {
            throw EcsErrors.invalidParameter("The twin tags task sets, services, clusters and task definitions, not " + arn + ".");
        }
        if (!exists) {
            throw EcsErrors.resourceNotFound(arn);
        }
        return arn;
    }

    private static void check(Tag tag) {
        String key = tag.key();
        if (key == null || key.isEmpty() || key.length() > 128 || !ALLOWED.matcher(key).matches()) {
            throw EcsErrors.invalidParameter("Tag keys must be 1 to 128 letters, numbers, spaces or _.:/=+-@, got '"
                    + key + "'.");
        }
        String value = tag.value() == null ? "" : tag.value();
        if (value.length() > 256 || !ALLOWED.matcher(value).matches()) {
            throw EcsErrors.invalidParameter("Tag values must be at most 256 letters, numbers, spaces or "
                    + "_.:/=+-@, got '" + value + "' for key '" + key + "'.");
        }
        if (reserved(key) || reserved(value)) {
            throw EcsErrors.invalidParameter("Tag keys and values prefixed with aws: are reserved for AWS use: "
                    + key + ".");
        }
    }

    private static boolean reserved(String text) {
        return text.regionMatches(true, 0, "aws:", 0, 4);
    }
}
