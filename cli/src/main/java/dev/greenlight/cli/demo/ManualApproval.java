package dev.greenlight.cli.demo;

import java.time.Duration;

/**
 * The manual round's approver. A person answers through the twin's Step Functions API (the command is
 * printed with the gateway's address); for unattended runs, {@code approveAfter} answers on their behalf.
 *
 * @param endpointUrl  the wire gateway serving the twin, for the AWS CLI in another terminal
 * @param approveAfter how long to wait before approving on the person's behalf; null waits for the person
 */
record ManualApproval(String endpointUrl, Duration approveAfter) {

    static final String APPROVAL_OUTPUT = "{\"approved\": true, \"by\": \"greenlight demo --approve-after\", "
            + "\"reason\": \"unattended demo run\"}";

    /** What to run in another terminal to approve (or reject) the waiting release. */
    String instructions(String version, String taskToken) {
        String aws = "AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_DEFAULT_REGION=us-east-1 aws "
                + "--endpoint-url " + endpointUrl + " stepfunctions ";
        return String.join("\n",
                DemoStage.SERVICE + " " + version + " passed its canary and bake and waits for a person's approval."
                        + " In another terminal, approve it:",
                "  " + aws + "send-task-success --task-token '" + taskToken + "' --task-output "
                        + "'{\"approved\": true, \"by\": \"you\", \"reason\": \"canary looked good\"}'",
                "or reject it (it rolls back):",
                "  " + aws + "send-task-failure --task-token '" + taskToken
                        + "' --error Greenlight.ApprovalRejected --cause 'you: not today'",
                approveAfter == null ? "(no answer within 30 minutes rolls back)"
                        : "(--approve-after: approving on your behalf in " + approveAfter.toSeconds() + " s)");
    }
}
