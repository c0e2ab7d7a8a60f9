package dev.greenlight.workers.notify;

import dev.greenlight.workers.config.ServiceConfig.Notifications;
import dev.greenlight.workers.core.Clients;
import dev.greenlight.workers.core.TransientAwsError;
import dev.greenlight.workers.core.Worker;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Tells the world a deployment started, succeeded or rolled back: a {@code Greenlight Deployment} event
 * (source {@code greenlight}) on the service's {@code notifications.eventBusName}, and, when a topic is
 * configured, an SNS message with a one-line subject. A notification must never fail the deployment:
 * a failure that lasts (a missing bus or topic, no permission) becomes a warning in the output; only a
 * transient one (throttling, 5xx, network) is thrown, for the state's Retry.
 */
public final class Notify extends Worker<NotifyRequest, NotifyResult> {

    public static final String SOURCE = "greenlight";
    public static final String DETAIL_TYPE = "Greenlight Deployment";
    private static final String DEFAULT_BUS = "default";
    /** PutEvents' per-entry error codes that pass. */
    private static final Set<String> TRANSIENT_ENTRY_ERRORS = Set.of("ThrottlingException", "InternalFailure");

    private final EventBridgeClient events;
    private final SnsClient sns;

    /** For the Lambda runtime. */
    public Notify() {
        this(Clients.events(), Clients.sns());
    }

    public Notify(EventBridgeClient events, SnsClient sns) {
        super(NotifyRequest.class);
        this.events = Objects.requireNonNull(events, "events");
        this.sns = Objects.requireNonNull(sns, "sns");
    }

    @Override
    public NotifyResult apply(NotifyRequest request) {
        requireComplete(request);
        Notifications notifications = request.config() == null || request.config().notifications() == null
                ? new Notifications(null, DEFAULT_BUS) : request.config().notifications();
        List<String> warnings = new ArrayList<>();
        String bus = notifications.eventBusName() == null ? DEFAULT_BUS : notifications.eventBusName();
        String eventId = putEvent(request, bus, warnings);
        String messageId = notifications.topicArn() == null ? null
                : publish(request, notifications.topicArn(), warnings);
        return new NotifyResult(eventId, messageId, warnings);
    }

    private String putEvent(NotifyRequest request, String bus, List<String> warnings) {
        try {
            PutEventsResultEntry entry = events.putEvents(r -> r.entries(e -> e.eventBusName(bus).source(SOURCE)
                    .detailType(DETAIL_TYPE).detail(NotifyText.eventDetail(request).toString()))).entries().get(0);
            if (entry.errorCode() == null) {
                return entry.eventId();
            }
            if (TRANSIENT_ENTRY_ERRORS.contains(entry.errorCode())) {
                throw new TransientAwsError(SdkClientException.create("EventBridge did not take the event: "
                        + entry.errorCode() + ": " + entry.errorMessage()));
            }
            warnings.add("no event sent to bus '" + bus + "': " + entry.errorCode() + ": " + entry.errorMessage()
                    + " (check notifications.eventBusName)");
        } catch (SdkException e) {
            warnOrRethrow(e, "no event sent to bus '" + bus + "'", "notifications.eventBusName", warnings);
        }
        return null;
    }

    private String publish(NotifyRequest request, String topic, List<String> warnings) {
        try {
            return sns.publish(r -> r.topicArn(topic).subject(NotifyText.subject(request))
                    .message(NotifyText.body(request))).messageId();
        } catch (SdkException e) {
            warnOrRethrow(e, "no message sent to " + topic, "notifications.topicArn", warnings);
            return null;
        }
    }

    private static void warnOrRethrow(SdkException e, String what, String setting, List<String> warnings) {
        if (TransientAwsError.isTransient(e)) {
            throw e;
        }
        warnings.add(what + ": " + e.getMessage() + " (check " + setting + " and the function's permissions)");
    }

    private static void requireComplete(NotifyRequest request) {
        if (request.event() == null) {
            throw new IllegalArgumentException("event is missing: pass \"event\": \"STARTED\", \"SUCCEEDED\" or "
                    + "\"ROLLED_BACK\"");
        }
        if (request.service() == null || request.service().isBlank()) {
            throw new IllegalArgumentException("service is missing: pass \"service.$\": \"$.service\"");
        }
    }
}
