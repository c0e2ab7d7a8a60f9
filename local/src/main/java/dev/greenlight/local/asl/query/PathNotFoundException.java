package dev.greenlight.local.asl.query;

/** A JSONPath that selects nothing in the document it was applied to. */
public final class PathNotFoundException extends RuntimeException {

    private final String path;

    public PathNotFoundException(String path) {
        super("path not found: " + path, null, false, false);
        this.path = path;
    }

    public String path() {
        return path;
    }
}
