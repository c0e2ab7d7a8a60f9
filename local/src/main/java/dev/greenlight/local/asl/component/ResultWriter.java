package dev.greenlight.local.asl.component;

/** Exports the child executions' results to S3 ({@code s3:putObject}): Parameters/Arguments give Bucket and Prefix. */
public record ResultWriter(String resource, Template arguments) {

    public static final String PUT_OBJECT = "arn:aws:states:::s3:putObject";
}
