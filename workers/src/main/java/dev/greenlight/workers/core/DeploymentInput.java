package dev.greenlight.workers.core;

import dev.greenlight.workers.config.ServiceConfig;

/**
 * An execution's input, one shape for the ECR-push trigger, the CLI and the console:
 * <pre>{"service": "orders",
 *  "image": {"repository": "orders", "tag": "1.4.2", "digest": "sha256:…"},
 *  "trigger": {"source": "ecr-push" | "manual", "by": "…", "reason": "…"},
 *  "config": {…the service's entry of greenlight.json…},
 *  "override": {"alarmsFiring": {"by": "…", "reason": "…"}} (optional)}</pre>
 */
public record DeploymentInput(String service, ImageRef image, Trigger trigger, ServiceConfig config,
        Override override) {

    /** An image by tag, digest or both; the digest wins once known. */
    public record ImageRef(String repository, String tag, String digest) {
    }

    /** Who or what started the deployment, and why: the audit trail's first entry. */
    public record Trigger(String source, String by, String reason) {
    }

    /** A recorded decision to deploy although an alarm already fires. */
    public record Override(Decision alarmsFiring) {
    }

    public record Decision(String by, String reason) {
    }

    /**
     * The execution name: service, tag and digest, so the same pushed image never starts two
     * executions (StartExecution refuses a name twice). Step Functions allows 80 characters of
     * letters, digits, '-' and '_'.
     */
    public static String executionName(String service, String tag, String digest) {
        String hex = digest == null ? "nodigest" : digest.substring(digest.indexOf(':') + 1);
        String name = (service + "-" + (tag == null ? "untagged" : tag)).replaceAll("[^A-Za-z0-9_-]", "_");
        String suffix = "-" + hex.substring(0, Math.min(12, hex.length()));
        return name.substring(0, Math.min(name.length(), 80 - suffix.length())) + suffix;
    }
}
