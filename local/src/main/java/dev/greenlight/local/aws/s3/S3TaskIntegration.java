package dev.greenlight.local.aws.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.StatesException;
import dev.greenlight.local.asl.component.ItemReader;
import dev.greenlight.local.asl.component.ResultWriter;
import dev.greenlight.local.asl.task.Integrations;
import dev.greenlight.local.asl.task.TaskAuthorizer;
import dev.greenlight.local.asl.task.TaskCall;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The S3 resources a Distributed Map calls, over the S3 API: its ItemReader's {@code s3:getObject}
 * (answers {@code {"Body": text}}, a gzip object's text unpacked) and {@code s3:listObjectsV2} (answers {@code {"Contents": [...]}}, every
 * page, each object as the guide's "ItemReader" shows it: Etag, Key, LastModified in epoch seconds,
 * Size, StorageClass), and its ResultWriter's {@code s3:putObject} (takes Bucket, Key, Body), each
 * call authorized first as the state machine's role. Other resources go to {@code others}.
 */
public final class S3TaskIntegration implements Integrations {

    private final S3Client s3;
    private final TaskAuthorizer authorizer;
    private final Integrations others;

    /** Every call served, unchecked. */
    public S3TaskIntegration(S3Client s3, Integrations others) {
        this(s3, TaskAuthorizer.NONE, others);
    }

    public S3TaskIntegration(S3Client s3, TaskAuthorizer authorizer, Integrations others) {
        this.s3 = s3;
        this.authorizer = authorizer;
        this.others = others;
    }

    @Override
    public CompletableFuture<JsonNode> invoke(TaskCall call) {
        JsonNode input = call.input();
        try {
            return switch (call.resource()) {
                case ItemReader.GET_OBJECT -> CompletableFuture.completedFuture(getObject(call, input));
                case ItemReader.LIST_OBJECTS_V2 -> CompletableFuture.completedFuture(listObjects(call, input));
                case ResultWriter.PUT_OBJECT -> CompletableFuture.completedFuture(putObject(call, input));
                default -> others.invoke(call);
            };
        } catch (S3Exception e) {
            // Named as AWS SDK integrations name a service's errors: the service, then the error code.
            throw new StatesException("S3." + e.awsErrorDetails().errorCode(), e.awsErrorDetails().errorMessage());
        }
    }

    private JsonNode getObject(TaskCall call, JsonNode input) {
        GetObjectRequest request = GetObjectRequest.builder().bucket(input.path("Bucket").asText())
                .key(input.path("Key").asText()).build();
        authorizer.authorize(call, "s3", "GetObject", request);
        byte[] bytes = s3.getObjectAsBytes(request).asByteArray();
        String body = new String(gunzipped(bytes, request.key()), StandardCharsets.UTF_8);
        return Json.NODES.objectNode().put("Body", body);
    }

    /**
     * S3 Inventory delivers its CSV files gzip-compressed (S3 guide, "Locating your inventory list"), and the
     * MANIFEST reader reads them as text. Whether Step Functions unpacks gzip for its other readers is
     * unpublished; this twin unpacks any object that starts with gzip's magic bytes.
     */
    private static byte[] gunzipped(byte[] bytes, String key) {
        if (bytes.length < 2 || (bytes[0] & 0xff) != 0x1f || (bytes[1] & 0xff) != 0x8b) {
            return bytes;
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new StatesException("S3.InvalidObject", "The object '" + key + "' starts as gzip but does not "
                    + "unpack: " + e.getMessage());
        }
    }

    private JsonNode listObjects(TaskCall call, JsonNode input) {
        ObjectNode answer = Json.NODES.objectNode();
        ArrayNode contents = answer.putArray("Contents");
        String token = null;
        do {
            ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(input.path("Bucket").asText())
                    .prefix(input.path("Prefix").asText(null)).continuationToken(token).build();
            authorizer.authorize(call, "s3", "ListObjectsV2", request);
            ListObjectsV2Response page = s3.listObjectsV2(request);
            for (S3Object object : page.contents()) {
                contents.addObject().put("Etag", object.eTag()).put("Key", object.key())
                        .put("LastModified", object.lastModified().getEpochSecond()).put("Size", object.size())
                        .put("StorageClass", object.storageClassAsString());
            }
            token = page.isTruncated() ? page.nextContinuationToken() : null;
        } while (token != null);
        return answer;
    }

    private JsonNode putObject(TaskCall call, JsonNode input) {
        PutObjectRequest request = PutObjectRequest.builder().bucket(input.path("Bucket").asText())
                .key(input.path("Key").asText()).contentType("application/json").build();
        authorizer.authorize(call, "s3", "PutObject", request);
        s3.putObject(request, RequestBody.fromString(input.path("Body").asText()));
        return Json.NODES.objectNode();
    }
}
