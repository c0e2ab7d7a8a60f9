package dev.greenlight.local.asl.component;

import java.util.List;

/** One entry of a Catch field: JSONPath catchers use {@code resultPath}, JSONata ones {@code output}. */
public record Catcher(
        List<String> errorEquals,
        String next,
        DataFlow.OptionalPath resultPath,
        Template output,
        Template assign) {
}
