package dev.greenlight.local.aws.stepfunctions;

import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.eval.Execution;
import dev.greenlight.local.asl.eval.MapRun;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import software.amazon.awssdk.services.sfn.model.CloudWatchEventsExecutionDataDetails;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionRedriveStatus;

/**
 * The child workflow executions a Map Run started, as DescribeExecution and ListExecutions (with a
 * mapRunArn) show them (API reference): each names its Map Run, and EXPRESS children can be described
 * too, as the API allows for those a Map Run dispatched. A child is redriven by redriving its parent
 * (guide, "Redriving Map Runs"), so an unsuccessful one is REDRIVABLE_BY_MAP_RUN.
 */
final class ChildExecutions {

    private static final CloudWatchEventsExecutionDataDetails INCLUDED =
            CloudWatchEventsExecutionDataDetails.builder().included(true).build();

    private ChildExecutions() {
    }

    static Execution find(MapRun run, String executionArn) {
        return run.children().stream().filter(child -> child.executionArn().equals(executionArn)).findFirst()
                .orElseThrow();
    }

    static DescribeExecutionResponse describe(MapRun run, Execution child) {
        String reason = switch (child.status()) {
            case RUNNING -> "Execution is RUNNING and cannot be redriven";
            case SUCCEEDED -> "Execution is SUCCEEDED and cannot be redriven";
            default -> null;
        };
        return DescribeExecutionResponse.builder()
                .executionArn(child.executionArn())
                .stateMachineArn(run.stateMachineArn())
                .name(child.name())
                .status(child.status().name())
                .startDate(child.startDate())
                .stopDate(child.stopDate())
                .input(Json.write(child.input()))
                .inputDetails(INCLUDED)
                .output(child.output() == null ? null : Json.write(child.output()))
                .outputDetails(child.output() == null ? null : INCLUDED)
                .error(child.error())
                .cause(child.cause())
                .mapRunArn(run.mapRunArn())
                .redriveCount(child.redriveCount())
                .redriveDate(child.redriveDate())
                .redriveStatus(reason == null ? ExecutionRedriveStatus.REDRIVABLE_BY_MAP_RUN
                        : ExecutionRedriveStatus.NOT_REDRIVABLE)
                .redriveStatusReason(reason)
                .build();
    }

    /** The Map Run's children, the most recently started first, as ListExecutions lists executions. */
    static List<ExecutionListItem> list(MapRun run) {
        List<Execution> children = run.children();
        List<ExecutionListItem> items = new ArrayList<>();
        for (int index = 0; index < children.size(); index++) {
            Execution child = children.get(index);
            items.add(ExecutionListItem.builder()
                    .executionArn(child.executionArn())
                    .stateMachineArn(run.stateMachineArn())
                    .name(child.name())
                    .status(child.status().name())
                    .startDate(child.startDate())
                    .stopDate(child.stopDate())
                    .mapRunArn(run.mapRunArn())
                    .itemCount(run.itemCount(index))
                    .redriveCount(child.redriveCount())
                    .redriveDate(child.redriveDate())
                    .build());
        }
        // Children started at the same instant: the later item first.
        Collections.reverse(items);
        items.sort((a, b) -> b.startDate().compareTo(a.startDate()));
        return items;
    }
}
