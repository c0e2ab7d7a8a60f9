package dev.greenlight.local.aws.ecr;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.aws.LocalAccount;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.ecr.model.EcrException;
import software.amazon.awssdk.services.ecr.model.EmptyUploadException;
import software.amazon.awssdk.services.ecr.model.Image;
import software.amazon.awssdk.services.ecr.model.ImageAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.ImageDigestDoesNotMatchException;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;
import software.amazon.awssdk.services.ecr.model.ImageTagAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.InvalidLayerException;
import software.amazon.awssdk.services.ecr.model.LayerAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.LayersNotFoundException;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;
import software.amazon.awssdk.services.ecr.model.UploadNotFoundException;

/**
 * The registry side of the ECR twin: the OCI distribution API ({@code /v2/}) that {@code docker push},
 * {@code skopeo} and {@code crane} speak, with ECR's basic login ({@code AWS} and the password
 * {@code aws ecr get-login-password} prints). Every request is carried out with the twin's own
 * layer-upload API and PutImage, so an image pushed here is the same image an API push stores, and
 * emits the same {@code ECR Image Action} event. Error bodies and codes are the distribution spec's.
 */
public final class DistributionApi {

    /** The path every registry request starts with. */
    public static final String PREFIX = "/v2";
    /** The query parameter that carries a GetDownloadUrlForLayer grant instead of a login. */
    static final String DOWNLOAD_PARAMETER = "X-Greenlight-Download";

    private static final Pattern ROUTE = Pattern.compile("/v2/(?<name>.+?)/(?:manifests/(?<reference>[^/]+)"
            + "|blobs/uploads/?(?<upload>[^/]*)|blobs/(?<digest>[^/]+)|(?<tags>tags/list))");
    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
    /** Tags as the distribution spec allows them. */
    private static final Pattern TAG = Pattern.compile("[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}");
    /** ECR's challenge, as its registry answers an anonymous {@code GET /v2/}. */
    private static final String CHALLENGE = "Basic realm=\"https://%s.dkr.ecr.%s.amazonaws.com/\",service=\"ecr.amazonaws.com\"";

    private final EcrTwin ecr;

    public DistributionApi(EcrTwin ecr) {
        this.ecr = ecr;
    }

    /** An answer: status, headers, body. */
    public record Reply(int status, Map<String, String> headers, byte[] body) {
    }

    /** Whether {@code path} is the registry's. */
    public static boolean serves(String path) {
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    /** Serves one request; {@code header} looks a header up by its lower-case name. */
    public Reply serve(String method, String path, String rawQuery, Function<String, Optional<String>> header,
            byte[] body) {
        Map<String, String> query = query(rawQuery);
        Matcher route = ROUTE.matcher(path);
        boolean routed = route.matches();
        boolean downloading = routed && route.group("digest") != null && method.matches("GET|HEAD")
                && ecr.downloadAllowed(query.getOrDefault(DOWNLOAD_PARAMETER, ""), route.group("name"),
                        route.group("digest"));
        if (!downloading && !loggedIn(header.apply("authorization"))) {
            return unauthorized();
        }
        if (path.equals(PREFIX) || path.equals(PREFIX + "/")) {
            return method.equals("GET") || method.equals("HEAD") ? reply(200, Map.of("Content-Type", "application/json"),
                    "{}".getBytes(StandardCharsets.UTF_8)) : unsupported(method);
        }
        if (!routed) {
            return error(404, "NAME_UNKNOWN", "repository name not known to registry", path);
        }
        String name = route.group("name");
        try {
            if (route.group("reference") != null) {
                return manifest(method, name, route.group("reference"), header, body);
            }
            if (route.group("upload") != null) {
                return upload(method, name, route.group("upload"), query, header, body);
            }
            if (route.group("digest") != null) {
                return blob(method, name, route.group("digest"));
            }
            return method.equals("GET") ? tags(name) : unsupported(method);
        } catch (RepositoryNotFoundException e) {
            return error(404, "NAME_UNKNOWN", "repository name not known to registry", name);
        }
    }

    private Reply manifest(String method, String name, String reference, Function<String, Optional<String>> header,
            byte[] body) {
        boolean byDigest = reference.startsWith("sha256:");
        switch (method) {
            case "GET", "HEAD" -> {
                ImageIdentifier id = byDigest ? ImageIdentifier.builder().imageDigest(reference).build()
                        : ImageIdentifier.builder().imageTag(reference).build();
                Optional<Image> image = ecr.batchGetImage(r -> r.repositoryName(name).imageIds(id)).images().stream()
                        .findFirst();
                if (image.isEmpty()) {
                    return error(404, "MANIFEST_UNKNOWN", "manifest unknown", reference);
                }
                // The manifest is served as pushed: the twin converts no schema to match an Accept header.
                byte[] manifest = image.get().imageManifest().getBytes(StandardCharsets.UTF_8);
                return content(method, Map.of("Content-Type", image.get().imageManifestMediaType(),
                        "Docker-Content-Digest", image.get().imageId().imageDigest()), manifest);
            }
            case "PUT" -> {
                return putManifest(name, reference, byDigest, header.apply("content-type"), body);
            }
            default -> {
                return unsupported(method);
            }
        }
    }

    private Reply putManifest(String name, String reference, boolean byDigest, Optional<String> mediaType,
            byte[] body) {
        if (!byDigest && !TAG.matcher(reference).matches()) {
            return error(400, "TAG_INVALID", "manifest tag did not match URI", reference);
        }
        String manifest = new String(body, StandardCharsets.UTF_8);
        String digest = Digests.sha256(body);
        try {
            ecr.putImage(r -> r.repositoryName(name).imageManifest(manifest)
                    .imageManifestMediaType(mediaType.filter(type -> type.contains("manifest")).orElse(null))
                    .imageTag(byDigest ? null : reference).imageDigest(byDigest ? reference : null));
        } catch (ImageAlreadyExistsException sameImage) {
            // A registry answers a repeated push of the same manifest under the same tag with success.
        } catch (LayersNotFoundException missing) {
            return error(400, "MANIFEST_BLOB_UNKNOWN", "blob unknown to registry", missing.awsErrorDetails().errorMessage());
        } catch (ImageDigestDoesNotMatchException mismatch) {
            return error(400, "DIGEST_INVALID", "provided digest did not match uploaded content", reference);
        } catch (ImageTagAlreadyExistsException immutable) {
            return error(400, "TAG_INVALID", immutable.awsErrorDetails().errorMessage(), reference);
        } catch (EcrException invalid) {
            return error(400, "MANIFEST_INVALID", "manifest invalid", invalid.awsErrorDetails().errorMessage());
        }
        return reply(201, Map.of("Location", PREFIX + "/" + name + "/manifests/" + digest,
                "Docker-Content-Digest", digest), new byte[0]);
    }

    private Reply blob(String method, String name, String digest) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return unsupported(method);
        }
        Optional<byte[]> blob = ecr.blobBytes(name, digest);
        if (blob.isEmpty()) {
            return error(404, "BLOB_UNKNOWN", "blob unknown to registry", digest);
        }
        return content(method, Map.of("Content-Type", "application/octet-stream", "Docker-Content-Digest", digest),
                blob.get());
    }

    /**
     * POST opens an upload (monolithic with {@code ?digest=}, or a mount with {@code ?mount=&from=}
     * that answers 202 with a fresh upload when the blob is not there); PATCH appends a chunk; PUT
     * with {@code ?digest=} closes it; GET reports its progress.
     */
    private Reply upload(String method, String name, String uploadId, Map<String, String> query,
            Function<String, Optional<String>> header, byte[] body) {
        if (method.equals("POST")) {
            String mount = query.get("mount");
            if (mount != null && ecr.mount(name, query.getOrDefault("from", ""), mount)) {
                return blobCreated(name, mount);
            }
            String id = ecr.initiateLayerUpload(r -> r.repositoryName(name)).uploadId();
            if (query.containsKey("digest")) {
                return close(name, id, query.get("digest"), body);
            }
            return uploading(name, id, 202);
        }
        if (uploadId.isEmpty()) {
            return unsupported(method);
        }
        try {
            return switch (method) {
                case "PATCH" -> patch(name, uploadId, header.apply("content-range"), body);
                case "PUT" -> close(name, uploadId, query.get("digest"), body);
                case "GET" -> uploading(name, uploadId, 204);
                default -> unsupported(method);
            };
        } catch (UploadNotFoundException gone) {
            return error(404, "BLOB_UPLOAD_UNKNOWN", "blob upload unknown to registry", uploadId);
        }
    }

    private Reply patch(String name, String uploadId, Optional<String> contentRange, byte[] chunk) {
        long received = ecr.receivedBytes(name, uploadId);
        if (contentRange.isPresent() && !contentRange.get().trim().startsWith(received + "-")) {
            return reply(416, Map.of("Location", uploadLocation(name, uploadId), "Range", range(received),
                    "Docker-Upload-UUID", uploadId), errorBody("BLOB_UPLOAD_INVALID", "blob upload invalid",
                    "the chunk must start at byte " + received));
        }
        append(name, uploadId, received, chunk);
        return uploading(name, uploadId, 202);
    }

    private Reply close(String name, String uploadId, String digest, byte[] lastChunk) {
        if (digest == null || !DIGEST.matcher(digest).matches()) {
            return error(400, "DIGEST_INVALID", "provided digest did not match uploaded content", digest);
        }
        append(name, uploadId, ecr.receivedBytes(name, uploadId), lastChunk);
        if (ecr.receivedBytes(name, uploadId) == 0 && ecr.blobBytes(name, digest).isEmpty()) {
            return error(400, "BLOB_UPLOAD_INVALID", "blob upload invalid", "the upload holds no bytes");
        }
        try {
            ecr.completeLayerUpload(r -> r.repositoryName(name).uploadId(uploadId).layerDigests(digest));
        } catch (LayerAlreadyExistsException alreadyThere) {
            // The same bytes pushed again: the blob is there, which is all the client asked for.
        } catch (InvalidLayerException mismatch) {
            return error(400, "DIGEST_INVALID", "provided digest did not match uploaded content", digest);
        } catch (EmptyUploadException nothingSent) {
            // A PUT naming a blob the repository already holds, with no bytes: the blob is there.
        }
        return blobCreated(name, digest);
    }

    private void append(String name, String uploadId, long received, byte[] chunk) {
        if (chunk.length > 0) {
            ecr.uploadLayerPart(r -> r.repositoryName(name).uploadId(uploadId).partFirstByte(received)
                    .partLastByte(received + chunk.length - 1).layerPartBlob(SdkBytes.fromByteArray(chunk)));
        }
    }

    private Reply tags(String name) {
        List<String> tags = ecr.listImages(r -> r.repositoryName(name)).imageIds().stream()
                .map(ImageIdentifier::imageTag).filter(tag -> tag != null).sorted().toList();
        String list = tags.stream().map(tag -> "\"" + tag + "\"").reduce((a, b) -> a + "," + b).orElse("");
        return reply(200, Map.of("Content-Type", "application/json"),
                ("{\"name\":\"" + name + "\",\"tags\":[" + list + "]}").getBytes(StandardCharsets.UTF_8));
    }

    private Reply uploading(String name, String uploadId, int status) {
        return reply(status, Map.of("Location", uploadLocation(name, uploadId),
                "Range", range(ecr.receivedBytes(name, uploadId)), "Docker-Upload-UUID", uploadId), new byte[0]);
    }

    private static Reply blobCreated(String name, String digest) {
        return reply(201, Map.of("Location", PREFIX + "/" + name + "/blobs/" + digest, "Docker-Content-Digest", digest),
                new byte[0]);
    }

    /** The {@code Range} header of an upload's progress: the inclusive byte range received. */
    private static String range(long received) {
        return "0-" + Math.max(0, received - 1);
    }

    private static String uploadLocation(String name, String uploadId) {
        return PREFIX + "/" + name + "/blobs/uploads/" + uploadId;
    }

    private static boolean loggedIn(Optional<String> authorization) {
        if (authorization.isEmpty() || !authorization.get().regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String login;
        try {
            login = new String(Base64.getDecoder().decode(authorization.get().substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        int colon = login.indexOf(':');
        return colon > 0 && EcrTwin.acceptsLogin(login.substring(0, colon), login.substring(colon + 1));
    }

    private static Reply unauthorized() {
        Reply denied = error(401, "UNAUTHORIZED", "authentication required", null);
        Map<String, String> headers = new LinkedHashMap<>(denied.headers());
        headers.put("WWW-Authenticate", CHALLENGE.formatted(LocalAccount.ID,
                LocalAccount.REGION));
        return new Reply(401, headers, denied.body());
    }

    private static Reply unsupported(String method) {
        return error(405, "UNSUPPORTED", "The operation is unsupported.", method);
    }

    /** The distribution spec's error body: {@code {"errors":[{"code","message","detail"}]}}. */
    private static Reply error(int status, String code, String message, String detail) {
        return reply(status, Map.of("Content-Type", "application/json"), errorBody(code, message, detail));
    }

    private static byte[] errorBody(String code, String message, String detail) {
        ObjectNode error = Json.MAPPER.createObjectNode().put("code", code).put("message", message);
        if (detail != null) {
            error.put("detail", detail);
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.putArray("errors").add(error);
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Reply reply(int status, Map<String, String> headers, byte[] body) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Docker-Distribution-API-Version", "registry/2.0");
        return new Reply(status, all, body);
    }

    /** A 200 with {@code content}; to HEAD, no body but the length GET would send. */
    private static Reply content(String method, Map<String, String> headers, byte[] content) {
        if (!method.equals("HEAD")) {
            return reply(200, headers, content);
        }
        Map<String, String> withLength = new LinkedHashMap<>(headers);
        withLength.put("Content-Length", String.valueOf(content.length));
        return reply(200, withLength, new byte[0]);
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            query.put(key, equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return query;
    }
}
