package dev.greenlight.workers.approval;

import dev.greenlight.workers.config.ConfigException;
import dev.greenlight.workers.core.Clients;
import dev.greenlight.workers.core.DeploymentInput;
import dev.greenlight.workers.core.Worker;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Manual approval's {@code .waitForTaskToken} task: publishes one SNS message a person can act on —
 * the release, the evidence, the deadline ({@code approval.timeoutMinutes} from now) and the exact
 * {@code greenlight approve|reject} and {@code aws stepfunctions send-task-*} commands with the token.
 * The topic is the service's {@code notifications.topicArn}; without one nobody could answer, so
 * that is an error.
 */
public final class RequestApproval extends Worker<ApprovalRequest, ApprovalNotice> {

    private final SnsClient sns;
    private final Clock clock;

    /** For the Lambda runtime. */
    public RequestApproval() {
        this(Clients.sns(), Clock.systemUTC());
    }

    public RequestApproval(SnsClient sns, Clock clock) {
        super(ApprovalRequest.class);
        this.sns = Objects.requireNonNull(sns, "sns");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public ApprovalNotice apply(ApprovalRequest request) {
        requireComplete(request);
        String topic = request.config().notifications() == null ? null : request.config().notifications().topicArn();
        if (topic == null || topic.isBlank()) {
            throw new ConfigException(List.of("services." + request.service() + ".notifications.topicArn: is "
                    + "required for manual approval: set it to the SNS topic the approvers subscribe to, or set "
                    + "approval.mode to \"auto\""));
        }
        Instant deadline = clock.instant().plus(request.config().approval().timeoutMinutes(), ChronoUnit.MINUTES)
                .truncatedTo(ChronoUnit.SECONDS);
        ApprovalMessage.Message message = ApprovalMessage.compose(request.service(), request.image(),
                execution(request), request.taskToken(), deadline, request.evidence());
        String messageId = sns.publish(r -> r.topicArn(topic).subject(message.subject()).message(message.body()))
                .messageId();
        return new ApprovalNotice(true, messageId, deadline.toString());
    }

    private static String execution(ApprovalRequest request) {
        if (request.execution() != null && !request.execution().isBlank()) {
            return request.execution();
        }
        return DeploymentInput.executionName(request.service(), request.image().tag(), request.image().digest());
    }

    private static void requireComplete(ApprovalRequest request) {
        if (request.taskToken() == null || request.taskToken().isBlank()) {
            throw new IllegalArgumentException("taskToken is missing: RequestApproval runs as a .waitForTaskToken "
                    + "task; pass \"taskToken.$\": \"$$.Task.Token\" in its Payload");
        }
        if (request.service() == null || request.service().isBlank()) {
            throw new IllegalArgumentException("service is missing: pass \"service.$\": \"$.service\"");
        }
        if (request.image() == null) {
            throw new IllegalArgumentException("image is missing: pass \"image.$\": \"$.image\"");
        }
        if (request.config() == null || request.config().approval() == null) {
            throw new IllegalArgumentException("config is missing: pass \"config.$\": \"$.config\" (the service's "
                    + "entry, with notifications.topicArn and approval.timeoutMinutes)");
        }
    }
}
