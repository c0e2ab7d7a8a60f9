package dev.greenlight.local.aws.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.StatesException;
import dev.greenlight.local.asl.component.ItemReader;
import dev.greenlight.local.asl.component.ResultWriter;
import dev.greenlight.local.asl.task.Integrations;
import dev.greenlight.local.asl.task.TaskCall;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
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
 * (answers {@code {"Body": text}}) and {@code s3:listObjectsV2} (answers {@code {"Contents": [...]}}, every
 * page, each object as the guide's "ItemReader" shows it: Etag, Key, LastModified in epoch seconds,
 * Size, StorageClass), and its ResultWriter's {@code s3:putObject} (takes Bucket, Key, Body). Other
 * resources go to {@code others}.
 */
public final class S3TaskIntegration implements Integrations {

    private final S3Client s3;
    private final Integrations others;

    public S3TaskIntegration(S3Client s3, Integrations others) {
        this.s3 = s3;
        this.others = others;
    }

    @Override
    public CompletableFuture<JsonNode> invoke(TaskCall call) {
        JsonNode input = call.input();
        try {
            return switch (call.resource()) {
                case ItemReader.GET_OBJECT -> CompletableFuture.completedFuture(getObject(input));
                case ItemReader.LIST_OBJECTS_V2 -> CompletableFuture.completedFuture(listObjects(input));
                case ResultWriter.PUT_OBJECT -> CompletableFuture.completedFuture(putObject(input));
                default -> others.invoke(call);
            };
        } catch (S3Exception e) {
            // Named as AWS SDK integrations name a service's errors: the service, then the error code.
            throw new StatesException("S3." + e.awsErrorDetails().errorCode(), e.awsErrorDetails().errorMessage());
        }
    }

    private JsonNode getObject(JsonNode input) {
        byte[] bytes = s3.getObjectAsBytes(GetObjectRequest.builder().bucket(input.path("Bucket").asText())
                .key(input.path("Key").asText()).build()).asByteArray();
        return Json.NODES.objectNode().put("Body", new String(bytes, StandardCharsets.UTF_8));
    }

    private JsonNode listObjects(JsonNode input) {
        ObjectNode answer = Json.NODES.objectNode();
        ArrayNode contents = answer.putArray("Contents");
        String token = null;
        do {
            ListObjectsV2Response page = s3.listObjectsV2(ListObjectsV2Request.builder()
                    .bucket(input.path("Bucket").asText()).prefix(input.path("Prefix").asText(null))
                    .continuationToken(token).build());
            for (S3Object object : page.contents()) {
                contents.addObject().put("Etag", object.eTag()).put("Key", object.key())
                        .put("LastModified", object.lastModified().getEpochSecond()).put("Size", object.size())
                        .put("StorageClass", object.storageClassAsString());
            }
            token = page.isTruncated() ? page.nextContinuationToken() : null;
        } while (token != null);
        return answer;
    }

    private JsonNode putObject(JsonNode input) {
        s3.putObject(PutObjectRequest.builder().bucket(input.path("Bucket").asText()).key(input.path("Key").asText())
                .contentType("application/json").build(), RequestBody.fromString(input.path("Body").asText()));
        return Json.NODES.objectNode();
    }
}
