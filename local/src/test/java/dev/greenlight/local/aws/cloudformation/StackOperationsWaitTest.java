package dev.greenlight.local.aws.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.local.clock.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;

/**
 * Stack operations return at once with the stack IN_PROGRESS and go on on the virtual clock,
 * waiting as long as a resource says it is not stable yet; meanwhile only what AWS permits is.
 */
class StackOperationsWaitTest {

    private final VirtualClock clock = new VirtualClock();
    private final RecordingProvider things = new RecordingProvider();
    private final CloudFormationTwin twin = new CloudFormationTwin(clock,
            new ResourceProviders().register("Test::Thing", things), name -> Optional.empty(),
            (bucket, key) -> Optional.empty(), List.of("us-east-1a"), new SplittableRandom(5));

    private static String template(String settles) {
        return """
                Resources:
                  First:
                    Type: Test::Thing
                  Second:
                    Type: Test::Thing
                    Properties: {Parent: !Ref First, Settles: '%s'}
                """.formatted(settles);
    }

    @ParameterizedTest(name = "Settles {0}: {1}, last event after {2} min")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            0     | CREATE_COMPLETE    | 0   | -
            3     | CREATE_COMPLETE    | 3   | -
            fail  | ROLLBACK_COMPLETE  | 0   | Thing Second broke
            never | CREATE_IN_PROGRESS | 0   | -
            """)
    void aCreateReturnsAtOnceAndEndsWhenItsResourcesAreStable(String settles, String status, int minutes,
            String failure) {
        Instant started = clock.now();
        twin.createStack(r -> r.stackName("app").templateBody(template(settles)));

        assertThat(status()).isEqualTo("CREATE_IN_PROGRESS");
        assertThat(twin.listStackResources(r -> r.stackName("app")).stackResourceSummaries())
                .as("AWS answers before any resource is made").isEmpty();
        clock.advance(Duration.ofHours(6));

        assertThat(status()).isEqualTo(status);
        StackEvent last = twin.describeStackEvents(r -> r.stackName("app")).stackEvents().get(0);
        assertThat(last.timestamp()).as("the last event").isEqualTo(started.plus(Duration.ofMinutes(minutes)));
        assertThat(events()).contains("Second CREATE_IN_PROGRESS Resource creation Initiated");
        List<StackEvent> checks = twin.describeStackEvents(r -> r.stackName(stackId())).stackEvents().stream()
                .filter(e -> "CONFIGURATION_COMPLETE".equals(e.detailedStatusAsString())).toList();
        if (settles.equals("0") || settles.equals("fail")) {
            assertThat(checks).as("not waited on, no consistency check event").isEmpty();
        } else {
            assertThat(checks).singleElement().satisfies(e -> {
                assertThat(e.logicalResourceId()).isEqualTo("Second");
                assertThat(e.resourceStatusAsString()).isEqualTo("CREATE_IN_PROGRESS");
                assertThat(e.resourceStatusReason()).isEqualTo("Eventual consistency check initiated");
            });
        }
        if (failure != null) {
            assertThat(events()).containsSubsequence("Second CREATE_FAILED " + failure,
                    "app ROLLBACK_IN_PROGRESS The following resource(s) failed to create: [Second]. Rollback requested "
                            + "by user.", "Second DELETE_COMPLETE", "First DELETE_COMPLETE", "app ROLLBACK_COMPLETE");
            assertThat(things.existing).as("the resource that failed to stabilize is removed too").isEmpty();
        }
    }

    @Test
    void whileACreateWaitsOnlyDeleteStackIsAcceptedAndItCancelsTheCreation() {
        twin.createStack(r -> r.stackName("app").templateBody(template("never")));
        clock.advance(Duration.ofHours(3));

        assertThatThrownBy(() -> twin.updateStack(r -> r.stackName("app").templateBody(template("0"))))
                .hasMessageMatching("Stack:arn:aws:cloudformation:.*:stack/app/.* is in CREATE_IN_PROGRESS state and "
                        + "can not be updated\\..*");
        assertThatThrownBy(() -> twin.createChangeSet(r -> r.stackName("app").changeSetName("next")
                .templateBody(template("0")))).hasMessageContaining("is in CREATE_IN_PROGRESS state and can not be updated.");
        assertThatThrownBy(() -> twin.cancelUpdateStack(r -> r.stackName("app")))
                .hasMessageContaining("CancelUpdateStack cannot be called from current stack status");
        assertThatThrownBy(() -> twin.createStack(r -> r.stackName("app").templateBody(template("0"))))
                .hasMessageContaining("Stack [app] already exists");

        twin.deleteStack(r -> r.stackName("app"));
        clock.advance(Duration.ofMinutes(1));

        assertThat(twin.listStacks(r -> { }).stackSummaries().get(0).stackStatusAsString()).isEqualTo("DELETE_COMPLETE");
        assertThat(events()).containsSubsequence("Second CREATE_FAILED Resource creation cancelled",
                "app DELETE_IN_PROGRESS User Initiated", "Second DELETE_COMPLETE", "First DELETE_COMPLETE",
                "app DELETE_COMPLETE");
        assertThat(things.existing).isEmpty();
    }

    @Test
    void cancelUpdateStackRollsAWaitingUpdateBack() {
        twin.createStack(r -> r.stackName("app").templateBody(template("0")));
        clock.advance(Duration.ofMinutes(1));
        twin.updateStack(r -> r.stackName("app").templateBody(template("never")));
        clock.advance(Duration.ofHours(2));

        assertThat(status()).isEqualTo("UPDATE_IN_PROGRESS");
        assertThatThrownBy(() -> twin.deleteStack(r -> r.stackName("app")))
                .hasMessageContaining("Stack [app] cannot be deleted while in status UPDATE_IN_PROGRESS");
        assertThatThrownBy(() -> twin.executeChangeSet(r -> r.stackName("app").changeSetName("none")))
                .hasMessageContaining("does not exist");

        twin.cancelUpdateStack(r -> r.stackName("app"));
        clock.advance(Duration.ofMinutes(1));

        assertThat(status()).isEqualTo("UPDATE_ROLLBACK_COMPLETE");
        assertThat(events()).containsSubsequence("Second UPDATE_FAILED Resource update cancelled",
                "app UPDATE_ROLLBACK_IN_PROGRESS Stack update cancelled", "Second UPDATE_COMPLETE",
                "app UPDATE_ROLLBACK_COMPLETE");
        assertThat(things.existing.values()).noneMatch(properties -> properties.contains("never"));
    }

    @Test
    void aDeleteWaitsUntilEachResourceIsGone() {
        twin.createStack(r -> r.stackName("app").templateBody(template("2")));
        clock.advance(Duration.ofMinutes(5));
        Instant deleting = clock.now();

        twin.deleteStack(r -> r.stackName("app"));
        twin.deleteStack(r -> r.stackName("app")); // a second DeleteStack while deleting does nothing, as in AWS
        clock.advance(Duration.ofMinutes(1));

        assertThat(twin.describeStacks(r -> r.stackName("app")).stacks().get(0).stackStatusAsString())
                .isEqualTo("DELETE_IN_PROGRESS");
        clock.advance(Duration.ofMinutes(5));
        Map<String, Instant> at = new java.util.HashMap<>();
        twin.describeStackEvents(r -> r.stackName(twin.listStacks(l -> { }).stackSummaries().get(0).stackId()))
                .stackEvents().forEach(e -> at.putIfAbsent(e.logicalResourceId() + " " + e.resourceStatusAsString(),
                        e.timestamp()));
        assertThat(at.get("Second DELETE_COMPLETE")).isEqualTo(deleting.plus(Duration.ofMinutes(2)));
        assertThat(at.get("app DELETE_COMPLETE")).isEqualTo(deleting.plus(Duration.ofMinutes(2)));
    }

    private String status() {
        return twin.describeStacks(r -> r.stackName("app")).stacks().get(0).stackStatusAsString();
    }

    private String stackId() {
        return twin.listStacks(r -> { }).stackSummaries().get(0).stackId();
    }

    /** Oldest first: logical id, status and reason. */
    private List<String> events() {
        String id = stackId();
        return StackViews.newestFirst(twin.describeStackEvents(r -> r.stackName(id)).stackEvents()).stream()
                .map(e -> (e.logicalResourceId() + " " + e.resourceStatusAsString() + " "
                        + Optional.ofNullable(e.resourceStatusReason()).orElse("")).strip())
                .toList();
    }
}
