package dev.greenlight.local.aws.ecs;

import static dev.greenlight.local.aws.ecs.EcsFixture.GREEN_TG;
import static dev.greenlight.local.aws.ecs.EcsFixture.NETWORK;
import static dev.greenlight.local.aws.ecs.EcsFixture.loadBalancer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;
import software.amazon.awssdk.services.ecs.model.TaskSet;
import software.amazon.awssdk.services.ecs.model.TaskSetField;

/** TagResource, UntagResource, ListTagsForResource, and include TAGS, on task sets and task definitions. */
class TagsTest {

    private final EcsFixture fixture = new EcsFixture();
    private TaskSet green;

    @BeforeEach
    void greenTaskSet() {
        fixture.createCodeDeployService(fixture.register("web:1"), 2);
        String definition = fixture.register("web:2");
        green = fixture.codeDeploy.createTaskSet(b -> b.cluster("prod").service("web").taskDefinition(definition)
                .networkConfiguration(NETWORK).loadBalancers(loadBalancer(GREEN_TG))).taskSet();
    }

    @Test
    void tagsAreAddedReplacedListedAndRemoved() {
        fixture.ecs.tagResource(b -> b.resourceArn(green.taskSetArn()).tags(tag("greenlight:smoke", "FAILED"),
                tag("greenlight:smoke:1", "GET /health 500 3ms 2 attempts failed: expected status 200 got 500")));
        fixture.ecs.tagResource(b -> b.resourceArn(green.taskSetArn()).tags(tag("greenlight:smoke", "SUCCEEDED")));

        assertThat(fixture.ecs.listTagsForResource(b -> b.resourceArn(green.taskSetArn())).tags())
                .extracting(Tag::key, Tag::value).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("greenlight:smoke", "SUCCEEDED"),
                        org.assertj.core.groups.Tuple.tuple("greenlight:smoke:1",
                                "GET /health 500 3ms 2 attempts failed: expected status 200 got 500"));

        fixture.ecs.untagResource(b -> b.resourceArn(green.taskSetArn()).tagKeys("greenlight:smoke:1", "absent"));
        assertThat(fixture.ecs.listTagsForResource(b -> b.resourceArn(green.taskSetArn())).tags())
                .containsExactly(tag("greenlight:smoke", "SUCCEEDED"));
    }

    @Test
    void describeTaskSets_showsTagsOnlyWhenAskedFor() {
        fixture.ecs.tagResource(b -> b.resourceArn(green.taskSetArn()).tags(tag("greenlight:smoke", "SUCCEEDED")));

        TaskSet plain = fixture.taskSet(green.id());
        TaskSet withTags = fixture.ecs.describeTaskSets(b -> b.cluster("prod").service("web")
                .taskSets(green.taskSetArn()).include(TaskSetField.TAGS)).taskSets().get(0);

        assertThat(plain.hasTags()).isFalse();
        assertThat(withTags.tags()).containsExactly(tag("greenlight:smoke", "SUCCEEDED"));
    }

    @Test
    void taskDefinitionTags_areListed_andShownByDescribeTaskDefinitionWhenAskedFor() {
        String definition = fixture.register("web:3");
        fixture.ecs.tagResource(b -> b.resourceArn(definition).tags(tag("greenlight:smoke", "FAILED")));

        assertThat(fixture.ecs.listTagsForResource(b -> b.resourceArn(definition)).tags())
                .containsExactly(tag("greenlight:smoke", "FAILED"));
        assertThat(fixture.ecs.describeTaskDefinition(b -> b.taskDefinition(definition)
                .include(TaskDefinitionField.TAGS)).tags()).containsExactly(tag("greenlight:smoke", "FAILED"));
        assertThat(fixture.ecs.describeTaskDefinition(b -> b.taskDefinition(definition)).hasTags()).isFalse();
        String unregistered = definition.replaceAll(":\\d+$", ":99");
        assertThatThrownBy(() -> fixture.ecs.tagResource(b -> b.resourceArn(unregistered).tags(tag("k", "v"))))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void tagsBreakingEcsRules_areRefusedWithInvalidParameter() {
        String arn = green.taskSetArn();
        assertRefused(arn, List.of(tag("k".repeat(129), "v")), "1 to 128");
        assertRefused(arn, List.of(tag("k", "v".repeat(257))), "at most 256");
        assertRefused(arn, List.of(tag("k", "expected 200, got 500")), "at most 256");
        assertRefused(arn, List.of(tag("aws:owner", "me")), "reserved for AWS use");
        assertRefused(arn, List.of(), "at least one tag");
        fixture.ecs.tagResource(b -> b.resourceArn(arn).tags(IntStream.range(0, 50)
                .mapToObj(i -> tag("k" + i, "v")).toList()));
        assertRefused(arn, List.of(tag("one-too-many", "v")), "at most 50 tags");
        assertThat(fixture.ecs.listTagsForResource(b -> b.resourceArn(arn)).tags()).hasSize(50);
    }

    @Test
    void unknownOrShortArns_areRefused() {
        String gone = green.taskSetArn().replace(green.id(), "ecs-svc/0000000000000000000");
        assertThatThrownBy(() -> fixture.ecs.tagResource(b -> b.resourceArn(gone).tags(tag("k", "v"))))
                .isInstanceOf(ResourceNotFoundException.class);
        String shortService = "arn:aws:ecs:us-east-1:123456789012:service/web";
        assertThatThrownBy(() -> fixture.ecs.listTagsForResource(b -> b.resourceArn(shortService)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("Long arn format");
    }

    private void assertRefused(String arn, List<Tag> tags, String message) {
        assertThatThrownBy(() -> fixture.ecs.tagResource(b -> b.resourceArn(arn).tags(tags)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining(message);
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }
}
