package dev.greenlight.local.asl.parse;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one definition, each at a JSON pointer under the current location. */
public final class Problems {

    private final List<Problem> found;
    private final String location;

    public Problems() {
        this(new ArrayList<>(), "");
    }

    private Problems(List<Problem> found, String location) {
        this.found = found;
        this.location = location;
    }

    /**
     * The same collector, one level deeper ({@code at("States").at("Start")} is /States/Start).
     * Segments are not escaped: AWS reports the state "a/b" at /States/a/b.
     */
    public Problems at(String segment) {
        return new Problems(found, location + "/" + segment);
    }

    /** An array element, written as AWS writes it: /States/Check/Choices[0]. */
    public Problems at(int index) {
        return new Problems(found, location + "[" + index + "]");
    }

    /** A SCHEMA_VALIDATION_FAILED problem here; at the root it has no location, as AWS reports it. */
    public void add(String message) {
        add(Problem.SCHEMA, message);
    }

    public void add(String code, String message) {
        found.add(new Problem(code, message, location.isEmpty() ? null : location));
    }

    public String location() {
        return location;
    }

    public List<Problem> all() {
        return List.copyOf(found);
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }
}
