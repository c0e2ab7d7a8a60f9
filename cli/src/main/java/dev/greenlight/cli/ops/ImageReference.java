package dev.greenlight.cli.ops;

import dev.greenlight.cli.CliError;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An image as a person names it: {@code REPO:TAG} or {@code REPO@sha256:…}, the repository optionally
 * with its registry ({@code 123456789012.dkr.ecr.us-east-1.amazonaws.com/orders:2.0}).
 */
record ImageReference(String repository, String tag, String digest) {

    private static final Pattern REFERENCE = Pattern.compile(
            "(?:[^/]+\\.amazonaws\\.com(?:\\.cn)?/)?([a-z0-9][a-z0-9._/-]*)(?::([A-Za-z0-9_][A-Za-z0-9_.-]{0,127}))?"
                    + "(?:@(sha256:[0-9a-f]{64}))?");

    static ImageReference parse(String text) {
        Matcher matcher = REFERENCE.matcher(text);
        if (!matcher.matches() || (matcher.group(2) == null && matcher.group(3) == null)) {
            throw new CliError("--image " + text + " is not an image reference. Give the repository and a tag or "
                    + "digest: orders:2.0 or orders@sha256:<64 hex digits>.");
        }
        return new ImageReference(matcher.group(1), matcher.group(2), matcher.group(3));
    }

    @Override
    public String toString() {
        return repository + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }
}
