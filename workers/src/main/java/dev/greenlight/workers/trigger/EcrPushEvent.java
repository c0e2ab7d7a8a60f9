package dev.greenlight.workers.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of an EventBridge {@code ECR Image Action} event the Trigger uses:
 * {@code {"id", "account", "time", "source": "aws.ecr", "detail-type": "ECR Image Action",
 * "detail": {"repository-name", "image-tag"?, "image-digest", "action-type", "result"}}}.
 */
record EcrPushEvent(String id, String account, String time, String repository, String tag, String digest,
        String actionType, String result) {

    static final String DETAIL_TYPE = "ECR Image Action";

    /** @throws MalformedEvent naming every missing or wrong field */
    static EcrPushEvent parse(JsonNode event) {
        List<String> problems = new ArrayList<>();
        if (event == null || !event.isObject()) {
            throw new MalformedEvent("the Trigger's input must be an EventBridge \"ECR Image Action\" event (a JSON "
                    + "object); got " + (event == null ? "nothing" : event.getNodeType().toString().toLowerCase()));
        }
        if (!"aws.ecr".equals(event.path("source").asText(null))) {
            problems.add("source must be \"aws.ecr\", got " + event.path("source"));
        }
        if (!DETAIL_TYPE.equals(event.path("detail-type").asText(null))) {
            problems.add("detail-type must be \"" + DETAIL_TYPE + "\", got " + event.path("detail-type"));
        }
        JsonNode detail = event.path("detail");
        if (!detail.isObject()) {
            problems.add("detail must be an object");
        }
        String repository = text(detail, "repository-name", problems);
        String digest = text(detail, "image-digest", problems);
        String action = text(detail, "action-type", problems);
        String result = text(detail, "result", problems);
        if (digest != null && !digest.matches("[a-z0-9]+:[a-f0-9]{32,}")) {
            problems.add("detail.image-digest must look like sha256:<hex>, got \"" + digest + "\"");
        }
        JsonNode tag = detail.path("image-tag");
        if (!problems.isEmpty()) {
            throw new MalformedEvent("not an ECR Image Action event: " + String.join("; ", problems)
                    + ". The EventBridge rule must send the event unchanged (no input transformer)");
        }
        return new EcrPushEvent(event.path("id").asText(""), event.path("account").asText(""),
                event.path("time").asText(""), repository, tag.isTextual() && !tag.textValue().isBlank()
                        ? tag.textValue() : null, digest, action, result);
    }

    boolean isSuccessfulPush() {
        return "PUSH".equals(actionType) && "SUCCESS".equals(result);
    }

    /** {@code orders:2.0@sha256:…}, or {@code orders@sha256:…} for a push without a tag. */
    String image() {
        return repository + (tag == null ? "" : ":" + tag) + "@" + digest;
    }

    private static String text(JsonNode detail, String field, List<String> problems) {
        JsonNode value = detail.path(field);
        if (!value.isTextual() || value.textValue().isBlank()) {
            problems.add("detail." + field + " is required");
            return null;
        }
        return value.textValue();
    }
}
