package dev.greenlight.local.aws.cloudformation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetSummary;
import software.amazon.awssdk.services.cloudformation.model.DescribeChangeSetResponse;
import software.amazon.awssdk.services.cloudformation.model.StackResourceDetail;
import software.amazon.awssdk.services.cloudformation.model.StackResourceSummary;
import software.amazon.awssdk.services.cloudformation.model.StackSummary;

/** The SDK shapes the twin answers with, built from its own records. */
final class StackViews {

    private StackViews() {
    }

    static software.amazon.awssdk.services.cloudformation.model.Stack stack(Stack stack) {
        return software.amazon.awssdk.services.cloudformation.model.Stack.builder()
                .stackId(stack.stackId)
                .stackName(stack.name)
                .description(stack.description())
                .parameters(stack.parameters == null ? List.of() : stack.parameters.described())
                .creationTime(stack.created)
                .lastUpdatedTime(stack.lastUpdated)
                .deletionTime(stack.deleted)
                .stackStatus(stack.status)
                .stackStatusReason(stack.reason)
                .disableRollback(stack.disableRollback)
                .notificationARNs(stack.notificationArns)
                .capabilitiesWithStrings(stack.capabilities)
                .outputs(stack.outputs)
                .roleARN(stack.roleArn)
                .tags(stack.tags)
                .enableTerminationProtection(false)
                .build();
    }

    static StackSummary summary(Stack stack) {
        return StackSummary.builder()
                .stackId(stack.stackId)
                .stackName(stack.name)
                .templateDescription(stack.description())
                .creationTime(stack.created)
                .lastUpdatedTime(stack.lastUpdated)
                .deletionTime(stack.deleted)
                .stackStatus(stack.status)
                .stackStatusReason(stack.reason)
                .build();
    }

    static StackResourceDetail detail(Stack stack, StackResource resource) {
        return StackResourceDetail.builder()
                .stackName(stack.name)
                .stackId(stack.stackId)
                .logicalResourceId(resource.logicalId())
                .physicalResourceId(resource.physicalId())
                .resourceType(resource.type())
                .lastUpdatedTimestamp(resource.updated())
                .resourceStatus(resource.status())
                .resourceStatusReason(resource.reason())
                .build();
    }

    static software.amazon.awssdk.services.cloudformation.model.StackResource resource(Stack stack, StackResource resource) {
        return software.amazon.awssdk.services.cloudformation.model.StackResource.builder()
                .stackName(stack.name)
                .stackId(stack.stackId)
                .logicalResourceId(resource.logicalId())
                .physicalResourceId(resource.physicalId())
                .resourceType(resource.type())
                .timestamp(resource.updated())
                .resourceStatus(resource.status())
                .resourceStatusReason(resource.reason())
                .build();
    }

    static StackResourceSummary resourceSummary(StackResource resource) {
        return StackResourceSummary.builder()
                .logicalResourceId(resource.logicalId())
                .physicalResourceId(resource.physicalId())
                .resourceType(resource.type())
                .lastUpdatedTimestamp(resource.updated())
                .resourceStatus(resource.status())
                .resourceStatusReason(resource.reason())
                .build();
    }

    static DescribeChangeSetResponse changeSet(Stack stack, ChangeSet changeSet) {
        return DescribeChangeSetResponse.builder()
                .changeSetName(changeSet.name())
                .changeSetId(changeSet.arn())
                .stackId(stack.stackId)
                .stackName(stack.name)
                .description(changeSet.description())
                .parameters(changeSet.parameters().described())
                .creationTime(changeSet.created())
                .executionStatus(changeSet.executionStatus())
                .status(changeSet.status())
                .statusReason(changeSet.statusReason())
                .capabilitiesWithStrings(changeSet.capabilities())
                .tags(changeSet.tags())
                .changes(changeSet.changes())
                .notificationARNs(stack.notificationArns)
                .build();
    }

    static ChangeSetSummary changeSetSummary(Stack stack, ChangeSet changeSet) {
        return ChangeSetSummary.builder()
                .stackId(stack.stackId)
                .stackName(stack.name)
                .changeSetId(changeSet.arn())
                .changeSetName(changeSet.name())
                .executionStatus(changeSet.executionStatus())
                .status(changeSet.status())
                .statusReason(changeSet.statusReason())
                .creationTime(changeSet.created())
                .description(changeSet.description())
                .build();
    }

    static <T> List<T> newestFirst(List<T> events) {
        List<T> copy = new ArrayList<>(events);
        Collections.reverse(copy);
        return copy;
    }
}
