package dev.greenlight.local.aws.cloudformation;

import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.cloudformation.model.Change;

/**
 * A change set: the template and parameters to apply, the changes planned from them, and its
 * status (CREATE_COMPLETE and AVAILABLE when there is something to execute, FAILED when not), and the
 * service role it was created with, which the stack keeps once it is executed.
 */
record ChangeSet(String arn, String name, String stackId, String type, String description, Template template,
        ParameterValues parameters, List<String> capabilities, List<software.amazon.awssdk.services.cloudformation.model.Tag> tags,
        List<Change> changes, String status, String statusReason, String executionStatus, Instant created,
        String roleArn) {

    ChangeSet executed() {
        return new ChangeSet(arn, name, stackId, type, description, template, parameters, capabilities, tags, changes,
                status, statusReason, "EXECUTE_COMPLETE", created, roleArn);
    }
}
