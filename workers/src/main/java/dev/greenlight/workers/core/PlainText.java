package dev.greenlight.workers.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.workers.core.DeploymentInput.ImageRef;
import java.util.Iterator;
import java.util.Map;

/** Text for people: SNS subjects, release names, and JSON evidence as indented lines an e-mail can show. */
public final class PlainText {

    /** SNS refuses subjects of 100 characters or more, with line breaks, or with non-ASCII characters. */
    static final int MAX_SUBJECT = 99;

    private PlainText() {
    }

    /** {@code text} as an SNS subject: printable ASCII on one line (others become '?'), cut with "...". */
    public static String subject(String text) {
        StringBuilder ascii = new StringBuilder();
        text.strip().replaceAll("\\s+", " ").chars()
                .forEach(c -> ascii.append(c >= 0x20 && c < 0x7f ? (char) c : c == '\u2014' || c == '\u2013' ? '-' : '?'));
        return ascii.length() <= MAX_SUBJECT ? ascii.toString() : ascii.substring(0, MAX_SUBJECT - 3) + "...";
    }

    /** "orders 1.4.2": the service and the image's tag, or its digest's first 12 hex digits when untagged. */
    public static String release(String service, ImageRef image) {
        return service + " " + imageLabel(image);
    }

    public static String imageLabel(ImageRef image) {
        if (image == null) {
            return "(no image)";
        }
        if (image.tag() != null && !image.tag().isBlank()) {
            return image.tag();
        }
        if (image.digest() != null) {
            String hex = image.digest().substring(image.digest().indexOf(':') + 1);
            return "@" + hex.substring(0, Math.min(12, hex.length()));
        }
        return "(untagged)";
    }

    /** "orders:1.4.2@sha256:…", whatever of it is known. */
    public static String imageReference(ImageRef image) {
        if (image == null) {
            return "(no image)";
        }
        return (image.repository() == null ? "?" : image.repository())
                + (image.tag() == null ? "" : ":" + image.tag())
                + (image.digest() == null ? "" : "@" + image.digest());
    }

    /** JSON as "key: value" lines, nested objects and lists indented by two, list items with "- ". */
    public static String readable(JsonNode json) {
        StringBuilder out = new StringBuilder();
        write(json, 0, out);
        return out.toString();
    }

    private static void write(JsonNode json, int indent, StringBuilder out) {
        if (json == null || json.isNull() || json.isMissingNode()) {
            line(out, indent, "none");
        } else if (json.isObject() && !json.isEmpty()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (isScalar(field.getValue())) {
                    line(out, indent, field.getKey() + ": " + scalar(field.getValue()));
                } else {
                    line(out, indent, field.getKey() + ":");
                    write(field.getValue(), indent + 2, out);
                }
            }
        } else if (json.isArray() && !json.isEmpty()) {
            for (JsonNode item : json) {
                if (isScalar(item)) {
                    line(out, indent, "- " + scalar(item));
                } else {
                    int start = out.length();
                    write(item, indent + 2, out);
                    out.replace(start + indent, start + indent + 2, "- ");
                }
            }
        } else {
            line(out, indent, scalar(json));
        }
    }

    private static boolean isScalar(JsonNode json) {
        return json == null || json.isValueNode() || json.isEmpty();
    }

    private static String scalar(JsonNode json) {
        if (json == null || json.isNull()) {
            return "none";
        }
        if (json.isContainerNode()) {
            return json.isArray() ? "[]" : "{}";
        }
        return json.asText();
    }

    private static void line(StringBuilder out, int indent, String text) {
        out.append(" ".repeat(indent)).append(text).append('\n');
    }
}
