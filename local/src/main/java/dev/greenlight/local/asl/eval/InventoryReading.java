package dev.greenlight.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.asl.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A Distributed Map's items from an S3 inventory report (guide, "ItemReader", InputType MANIFEST): the
 * {@code manifest.json} names the report's CSV files ({@code files[].key}, in the destination bucket) and their
 * columns ({@code fileSchema}, e.g. "Bucket, Key, Size, LastModifiedDate"); each row of each file, which has no
 * header, is one item keyed by those columns, every value a string, as the guide's example item shows. Keys are
 * given as the report holds them (S3 Inventory URL-encodes them); whether Step Functions decodes them is
 * unpublished. Files are read in the manifest's order and no further once MaxItems items are read. The causes
 * of a failed read are ours: AWS does not publish the wording of States.ItemReaderFailed.
 */
final class InventoryReading {

    private static final String BUCKET_ARN_PREFIX = "arn:aws:s3:::";

    /** Reads one S3 object's text: completes with {@code {"Body": text}}, or fails with the S3 error. */
    interface ObjectReader {
        CompletableFuture<JsonNode> read(String bucket, String key);
    }

    private InventoryReading() {
    }

    /**
     * @param arguments the reader's Bucket and Key: where {@code manifest.json} is
     * @param maxItems  at most this many items; null or 0 for all
     */
    static CompletableFuture<ArrayNode> items(JsonNode arguments, Integer maxItems, ObjectReader s3) {
        String bucket = arguments.path("Bucket").asText();
        String key = arguments.path("Key").asText();
        String where = "the S3 inventory manifest s3://" + bucket + "/" + key;
        return read(s3, bucket, key, where).thenCompose(body -> {
            Manifest manifest = Manifest.parse(body, bucket, where);
            int limit = maxItems == null || maxItems <= 0 ? Integer.MAX_VALUE : maxItems;
            CompletableFuture<ArrayNode> items = CompletableFuture.completedFuture(Json.NODES.arrayNode());
            for (String file : manifest.files()) {
                items = items.thenCompose(read -> read.size() >= limit ? CompletableFuture.completedFuture(read)
                        : read(s3, manifest.bucket(), file, "the inventory file s3://" + manifest.bucket() + "/"
                                + file + " that " + where + " lists")
                                .thenApply(text -> rows(read, text, manifest.columns(), limit, file)));
            }
            return items;
        });
    }

    private static CompletableFuture<String> read(ObjectReader s3, String bucket, String key, String what) {
        return Attempts.call(() -> s3.read(bucket, key)).handle((answer, thrown) -> {
            if (thrown != null) {
                throw ItemReading.failed("Could not read " + what + ": " + Recovery.unwrap(thrown).cause());
            }
            return answer.path("Body").asText();
        });
    }

    private static ArrayNode rows(ArrayNode items, String text, List<String> columns, int limit, String file) {
        for (List<String> row : CsvRows.parse(text)) {
            if (items.size() >= limit) {
                break;
            }
            if (row.size() != columns.size()) {
                throw ItemReading.failed("A row of the inventory file " + file + " has " + row.size()
                        + " fields but the manifest's fileSchema names " + columns.size() + " columns");
            }
            ObjectNode item = items.addObject();
            for (int i = 0; i < columns.size(); i++) {
                item.put(columns.get(i), row.get(i));
            }
        }
        return items;
    }

    /** What the reader needs of {@code manifest.json} (S3 guide, "Inventory manifest"). */
    private record Manifest(String bucket, List<String> columns, List<String> files) {

        static Manifest parse(String body, String manifestBucket, String where) {
            JsonNode node;
            try {
                node = Json.parse(body);
            } catch (RuntimeException e) {
                throw ItemReading.failed(where + " is not valid JSON: " + e.getMessage());
            }
            String format = node.path("fileFormat").asText("");
            if (!format.equals("CSV")) {
                throw ItemReading.failed(where + " has fileFormat '" + format + "': the MANIFEST reader reads CSV "
                        + "inventory reports only; configure the inventory with output format CSV");
            }
            List<String> columns = new ArrayList<>();
            for (String column : node.path("fileSchema").asText("").split(",")) {
                if (!column.isBlank()) {
                    columns.add(column.strip());
                }
            }
            JsonNode files = node.path("files");
            if (columns.isEmpty() || !files.isArray()) {
                throw ItemReading.failed(where + " must have a fileSchema and a files array, as S3 Inventory "
                        + "writes them");
            }
            List<String> keys = new ArrayList<>();
            files.forEach(file -> keys.add(file.path("key").asText()));
            // The report's files are in its destination bucket, which the manifest names by ARN.
            String destination = node.path("destinationBucket").asText("");
            String bucket = destination.isEmpty() ? manifestBucket
                    : destination.startsWith(BUCKET_ARN_PREFIX) ? destination.substring(BUCKET_ARN_PREFIX.length())
                    : destination;
            return new Manifest(bucket, columns, keys);
        }
    }
}
