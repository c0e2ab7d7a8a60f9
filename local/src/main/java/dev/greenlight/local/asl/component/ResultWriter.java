package dev.greenlight.local.asl.component;

/**
 * What a Distributed Map does with its children's results (guide, "ResultWriter"): export them to S3
 * ({@code s3:putObject}; Parameters/Arguments give Bucket and Prefix), shape them with WriterConfig, or
 * both.
 *
 * @param resource       {@link #PUT_OBJECT}, or null when only WriterConfig is given (no export)
 * @param transformation WriterConfig's NONE, COMPACT or FLATTEN, or null without WriterConfig
 * @param outputType     WriterConfig's JSON or JSONL, or null without WriterConfig
 */
public record ResultWriter(String resource, Template arguments, String transformation, String outputType) {

    public static final String PUT_OBJECT = "arn:aws:states:::s3:putObject";

    /** Whether the results go to S3. */
    public boolean exports() {
        return resource != null;
    }

    /** The transformation in effect: NONE when exporting without WriterConfig (the guide's default). */
    public String effectiveTransformation() {
        return transformation != null ? transformation : "NONE";
    }

    public boolean jsonLines() {
        return "JSONL".equals(outputType);
    }
}
