package dev.greenlight.workers.config;

import java.util.List;

/** A configuration that cannot be used, with every problem, each naming the service and field. */
public final class ConfigException extends RuntimeException {

    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
