package dev.greenlight.local.aws.cloudformation;

import dev.greenlight.local.aws.iam.policy.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;
import software.amazon.awssdk.services.cloudformation.model.Tag;

/** One stack's state; guarded by the twin's monitor. */
final class Stack {

    final String stackId;
    final String name;
    final Instant created;
    Instant lastUpdated;
    Instant deleted;
    String status;
    String reason;
    Template template;
    ParameterValues parameters;
    List<String> capabilities = List.of();
    List<Tag> tags = List.of();
    List<String> notificationArns = List.of();
    /** The service role associated with the stack: CloudFormation uses it for every later operation. */
    String roleArn;
    /** Whom the running operation calls the other services as. */
    Principal actingAs;
    boolean disableRollback;
    final Map<String, StackResource> resources = new LinkedHashMap<>();
    final List<StackEvent> events = new ArrayList<>();
    List<Output> outputs = List.of();
    final Map<String, ChangeSet> changeSets = new LinkedHashMap<>();
    /** Set by DeleteStack during creation or CancelUpdateStack; the running operation stops at its next step. */
    boolean cancelRequested;
    /** While the operation waits on a resource: looks at it again at once (to see a cancellation). */
    Runnable wakeUp;

    Stack(String stackId, String name, Instant created) {
        this.stackId = stackId;
        this.name = name;
        this.created = created;
    }

    /** The template's Description, or none while the stack has no template yet. */
    String description() {
        return template == null ? null : template.description();
    }

    boolean isDeleted() {
        return "DELETE_COMPLETE".equals(status);
    }

    boolean inProgress() {
        return status.endsWith("_IN_PROGRESS") && !status.equals("REVIEW_IN_PROGRESS");
    }
}
