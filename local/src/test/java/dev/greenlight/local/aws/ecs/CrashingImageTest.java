package dev.greenlight.local.aws.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.StabilityStatus;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

class CrashingImageTest {

    private final EcsFixture fixture = new EcsFixture();

    @Test
    void crashingImageLeavesTheTaskSetStabilizingWithStoppedTasksAndTheirReasons() {
        fixture.createCodeDeployService(fixture.register("web:crash"), 2);

        fixture.advance(Duration.ofSeconds(10));

        assertThat(fixture.service().taskSets().get(0).stabilityStatus()).isEqualTo(StabilityStatus.STABILIZING);
        assertThat(fixture.service().runningCount()).isZero();
        List<Task> stopped = stoppedTasks();
        assertThat(stopped).hasSize(2).allSatisfy(task -> {
            assertThat(task.lastStatus()).isEqualTo("STOPPED");
            assertThat(task.desiredStatus()).isEqualTo("STOPPED");
            assertThat(task.stopCode()).isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
            assertThat(task.stoppedReason()).isEqualTo("Essential container in task exited");
            assertThat(task.containers()).singleElement().satisfies(container -> {
                assertThat(container.exitCode()).isEqualTo(1);
                assertThat(container.reason()).isEqualTo("app exited: panic at startup");
                assertThat(container.lastStatus()).isEqualTo("STOPPED");
            });
        });
    }

    @Test
    void crashedTasksAreReplacedLessAndLessOften() {
        fixture.createCodeDeployService(fixture.register("web:crash"), 1);

        fixture.advance(Duration.ofMinutes(2));
        int afterTwoMinutes = stoppedTasks().size();
        fixture.advance(Duration.ofHours(1));
        int afterAnHour = stoppedTasks().size();

        assertThat(afterTwoMinutes).isBetween(3, 6);
        // Unthrottled, a task every 10 s would make 360 in an hour; the ceiling of 15 minutes allows a handful.
        assertThat(afterAnHour - afterTwoMinutes).isBetween(3, 12);
        assertThat(fixture.service().taskSets().get(0).stabilityStatus()).isEqualTo(StabilityStatus.STABILIZING);
        assertThat(fixture.service().events()).anySatisfy(event ->
                assertThat(event.message()).startsWith("(service web, taskSet ecs-svc/").contains("has started 1 tasks"));
    }

    private List<Task> stoppedTasks() {
        List<String> arns = fixture.ecs.listTasks(b -> b.cluster("prod").serviceName("web")
                .desiredStatus(DesiredStatus.STOPPED)).taskArns();
        return arns.isEmpty() ? List.of() : fixture.ecs.describeTasks(b -> b.cluster("prod").tasks(arns)).tasks();
    }
}
