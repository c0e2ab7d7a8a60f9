package dev.greenlight.workers.approval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.workers.core.DeploymentInput.ImageRef;
import dev.greenlight.workers.core.PlainText;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** The approval request a person reads: what, the evidence, the deadline, and exactly how to answer. */
final class ApprovalMessage {

    /** Below SNS's 256 KiB, with room for the rest of the message. */
    static final int MAX_EVIDENCE_BYTES = 200_000;

    private ApprovalMessage() {
    }

    record Message(String subject, String body) {
    }

    static Message compose(String service, ImageRef image, String execution, String taskToken, Instant deadline,
            JsonNode evidence) {
        String release = PlainText.release(service, image);
        String token = shellQuoted(taskToken);
        String body = """
                Greenlight asks for a decision: release %s to all production traffic?

                Image:      %s
                Execution:  %s
                Deadline:   %s (no answer by then rolls the release back)

                Evidence:
                %s
                To approve:
                  greenlight approve %s --reason "..."
                To reject (rolls back now):
                  greenlight reject %s --reason "..."

                Without the greenlight command, answer the task token with the AWS CLI:
                  aws stepfunctions send-task-success --task-token %s --task-output '{"approved": true, "by": "<you>", "reason": "..."}'
                  aws stepfunctions send-task-failure --task-token %s --error Greenlight.ApprovalRejected --cause "<you>: ..."

                Task token:
                %s
                """.formatted(release, PlainText.imageReference(image), execution, deadline,
                evidence(evidence), execution, execution, token, token, taskToken);
        return new Message(PlainText.subject("Approve " + release + "? Greenlight waits until " + deadline), body);
    }

    private static String evidence(JsonNode evidence) {
        String text = PlainText.readable(evidence).indent(2);
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        return bytes <= MAX_EVIDENCE_BYTES ? text
                : "  (" + bytes + " bytes of evidence, too many for one message: see the execution's history)\n";
    }

    /** A task token in single quotes for a POSIX shell. */
    private static String shellQuoted(String token) {
        return "'" + token.replace("'", "'\\''") + "'";
    }
}
