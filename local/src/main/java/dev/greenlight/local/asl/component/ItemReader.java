package dev.greenlight.local.asl.component;

import java.util.List;

/**
 * Where a Distributed Map reads its items: an S3 object ({@code s3:getObject}, read as
 * {@code inputType} JSON, JSONL or CSV, or MANIFEST: an S3 inventory report's {@code manifest.json}) or a
 * listing ({@code s3:listObjectsV2}).
 *
 * @param arguments  Parameters (JSONPath) or Arguments (JSONata): Bucket, Key, Prefix
 * @param csvHeaders the headers when {@code csvHeaderLocation} is GIVEN, else empty
 * @param maxItems   ReaderConfig's MaxItems, MaxItemsPath or (JSONata) expression: at most this many items;
 *     unset or 0 for all
 */
public record ItemReader(String resource, Template arguments, String inputType, String csvHeaderLocation,
        List<String> csvHeaders, FieldValue<Number> maxItems) {

    public static final String GET_OBJECT = "arn:aws:states:::s3:getObject";
    public static final String LIST_OBJECTS_V2 = "arn:aws:states:::s3:listObjectsV2";
    public static final String MANIFEST = "MANIFEST";
}
