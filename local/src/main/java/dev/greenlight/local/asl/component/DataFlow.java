package dev.greenlight.local.asl.component;

/**
 * How a state shapes its data. JSONPath states use the paths and Parameters / ResultSelector;
 * JSONata states use Arguments and Output. Paths are {@link OptionalPath}s because AWS gives
 * an explicit null a meaning of its own.
 */
public record DataFlow(
        QueryLanguage language,
        OptionalPath inputPath,
        Template parameters,
        Template resultSelector,
        OptionalPath resultPath,
        OptionalPath outputPath,
        Template arguments,
        Template output,
        Template assign) {

    /** A path field: absent means {@code $}; null means "{}" for input/output and "discard" for ResultPath. */
    public record OptionalPath(String path) {
        public static final OptionalPath ROOT = new OptionalPath("$");
        public static final OptionalPath NULL = new OptionalPath(null);

        public boolean isNull() {
            return path == null;
        }
    }
}
