package dev.greenlight.local.aws.s3;

import dev.greenlight.local.aws.LocalAccount;
import dev.greenlight.local.clock.Clock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.CreateBucketResponse;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.DeleteBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketPolicyResponse;
import software.amazon.awssdk.services.s3.model.DeleteBucketRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.GetBucketEncryptionRequest;
import software.amazon.awssdk.services.s3.model.GetBucketEncryptionResponse;
import software.amazon.awssdk.services.s3.model.GetBucketLocationRequest;
import software.amazon.awssdk.services.s3.model.GetBucketLocationResponse;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.HeadBucketResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListBucketsRequest;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectStorageClass;
import software.amazon.awssdk.services.s3.model.Owner;
import software.amazon.awssdk.services.s3.model.PutBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.PutBucketPolicyResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * A minimal S3: general purpose buckets in us-east-1 and their objects, uploaded whole or in
 * parts, with bucket policies kept (not enforced); no versioning or ACLs yet. Validation and
 * errors as the S3 API reference documents them, including us-east-1's legacy answer to
 * re-creating a bucket one owns (200 OK; BucketAlreadyOwnedByYou in every other region). ETags are the MD5 of the bytes, or for a
 * multipart object the MD5 of its parts' MD5s and the part count, as S3 computes them.
 */
public final class S3Twin implements S3Client {

    private static final int MAX_KEY_BYTES = 1024;
    private static final int MAX_KEYS = 1000;
    private static final int MAX_PARTS = 10_000;
    private static final int MIN_PART_BYTES = 5 * 1024 * 1024;
    private static final Owner OWNER = Owner.builder().id(HexFormat.of().formatHex(
            LocalAccount.ID.getBytes(StandardCharsets.UTF_8))).displayName("greenlight").build();

    private final Clock clock;
    private final Map<String, Instant> buckets = new LinkedHashMap<>();
    /** Per bucket, objects by key in S3's listing order (UTF-8 binary order, which Java's String order matches for BMP keys). */
    private final Map<String, TreeMap<String, StoredObject>> objects = new LinkedHashMap<>();
    private final Map<String, MultipartUpload> uploads = new LinkedHashMap<>();
    private final Map<String, String> policies = new LinkedHashMap<>();
    private long uploadSequence;

    public S3Twin(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Not an AWS call: the bytes of an object, for the twins that read what was uploaded (appspecs, code). */
    public synchronized java.util.Optional<byte[]> objectBytes(String bucket, String key) {
        return java.util.Optional.ofNullable(objects.get(bucket)).map(in -> in.get(key)).map(StoredObject::bytes);
    }

    @Override
    public synchronized CreateBucketResponse createBucket(CreateBucketRequest request) {
        String name = request.bucket();
        if (!BucketNames.valid(name)) {
            throw S3Errors.invalidBucketName();
        }
        String constraint = request.createBucketConfiguration() == null ? null
                : request.createBucketConfiguration().locationConstraintAsString();
        if (constraint != null && !constraint.isEmpty()) {
            if (constraint.equals(LocalAccount.REGION)) {
                throw S3Errors.of("InvalidLocationConstraint", "The specified location-constraint is not valid", 400);
            }
            throw S3Errors.of("IllegalLocationConstraintException", "The " + constraint + " location constraint is "
                    + "incompatible for the region specific endpoint this request was sent to.", 400);
        }
        buckets.putIfAbsent(name, clock.now());
        objects.putIfAbsent(name, new TreeMap<>());
        return CreateBucketResponse.builder().location("/" + name).build();
    }

    @Override
    public synchronized HeadBucketResponse headBucket(HeadBucketRequest request) {
        bucket(request.bucket());
        return HeadBucketResponse.builder().bucketRegion(LocalAccount.REGION).accessPointAlias(false).build();
    }

    /** Buckets in us-east-1 answer an empty LocationConstraint, as S3 documents. */
    @Override
    public synchronized GetBucketLocationResponse getBucketLocation(GetBucketLocationRequest request) {
        bucket(request.bucket());
        return GetBucketLocationResponse.builder().build();
    }

    /**
     * Every bucket is encrypted with S3 managed keys (SSE-S3), S3's default for new buckets since
     * January 2023; the twin does not model other encryption settings.
     */
    @Override
    public synchronized GetBucketEncryptionResponse getBucketEncryption(GetBucketEncryptionRequest request) {
        bucket(request.bucket());
        return GetBucketEncryptionResponse.builder().serverSideEncryptionConfiguration(c -> c.rules(r -> r
                .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AES256))
                .bucketKeyEnabled(false))).build();
    }

    @Override
    public synchronized ListBucketsResponse listBuckets(ListBucketsRequest request) {
        List<Bucket> all = buckets.entrySet().stream()
                .filter(b -> request.prefix() == null || b.getKey().startsWith(request.prefix()))
                .map(b -> Bucket.builder().name(b.getKey()).creationDate(b.getValue())
                        .bucketRegion(LocalAccount.REGION).build())
                .toList();
        return ListBucketsResponse.builder().buckets(all).owner(OWNER).prefix(request.prefix()).build();
    }

    @Override
    public synchronized DeleteBucketResponse deleteBucket(DeleteBucketRequest request) {
        if (!bucket(request.bucket()).isEmpty()) {
            throw S3Errors.bucketNotEmpty();
        }
        buckets.remove(request.bucket());
        objects.remove(request.bucket());
        policies.remove(request.bucket());
        return DeleteBucketResponse.builder().build();
    }

    @Override
    public PutObjectResponse putObject(PutObjectRequest request, RequestBody body) {
        byte[] bytes = read(body);
        synchronized (this) {
            TreeMap<String, StoredObject> in = bucket(request.bucket());
            String key = key(request.key());
            StoredObject object = new StoredObject(key, bytes, eTag(bytes),
                    request.contentType() == null ? "binary/octet-stream" : request.contentType(),
                    Map.copyOf(request.metadata()), clock.now());
            in.put(key, object);
            return PutObjectResponse.builder().eTag(object.eTag()).size((long) bytes.length).build();
        }
    }

    @Override
    public <ReturnT> ReturnT getObject(GetObjectRequest request,
            ResponseTransformer<GetObjectResponse, ReturnT> transformer) {
        StoredObject object;
        synchronized (this) {
            object = object(request.bucket(), request.key());
        }
        ByteRange range = ByteRange.parse(request.range(), object.bytes().length);
        GetObjectResponse response = GetObjectResponse.builder().contentLength(range.length())
                .eTag(object.eTag()).contentType(object.contentType()).lastModified(object.lastModified())
                .metadata(object.metadata()).acceptRanges("bytes")
                .contentRange(request.range() == null ? null : range.contentRange(object.bytes().length)).build();
        try {
            return transformer.transform(response, AbortableInputStream.create(
                    new ByteArrayInputStream(object.bytes(), (int) range.first(), (int) range.length())));
        } catch (Exception e) {
            throw SdkClientException.create("cannot hand over the object's bytes", e);
        }
    }

    @Override
    public synchronized HeadObjectResponse headObject(HeadObjectRequest request) {
        StoredObject object = object(request.bucket(), request.key());
        return HeadObjectResponse.builder().contentLength((long) object.bytes().length).eTag(object.eTag())
                .contentType(object.contentType()).lastModified(object.lastModified()).metadata(object.metadata())
                .acceptRanges("bytes").build();
    }

    /** Deleting a key that is not there succeeds, as in a bucket without versioning. */
    @Override
    public synchronized DeleteObjectResponse deleteObject(DeleteObjectRequest request) {
        bucket(request.bucket()).remove(key(request.key()));
        return DeleteObjectResponse.builder().build();
    }

    /**
     * Keys after the continuation token (or StartAfter) with the prefix, those with the delimiter
     * past the prefix rolled up into CommonPrefixes, at most MaxKeys (1,000) of both together.
     */
    @Override
    public synchronized ListObjectsV2Response listObjectsV2(ListObjectsV2Request request) {
        TreeMap<String, StoredObject> in = bucket(request.bucket());
        int maxKeys = request.maxKeys() == null ? MAX_KEYS : Math.min(request.maxKeys(), MAX_KEYS);
        if (maxKeys < 0) {
            throw S3Errors.invalidArgument("Argument maxKeys must be an integer between 0 and 2147483647");
        }
        String prefix = request.prefix() == null ? "" : request.prefix();
        String after = request.continuationToken() != null ? token(request.continuationToken()) : request.startAfter();
        List<S3Object> contents = new ArrayList<>();
        Set<String> commonPrefixes = new LinkedHashSet<>();
        String last = null;
        boolean truncated = false;
        for (StoredObject object : (after == null ? in : in.tailMap(after, false)).values()) {
            if (!object.key().startsWith(prefix)) {
                continue;
            }
            String rolledUp = rolledUp(object.key(), prefix, request.delimiter());
            if (rolledUp != null && commonPrefixes.contains(rolledUp)) {
                last = object.key();
                continue;
            }
            if (contents.size() + commonPrefixes.size() == maxKeys) {
                truncated = true;
                break;
            }
            if (rolledUp != null) {
                commonPrefixes.add(rolledUp);
            } else {
                contents.add(S3Object.builder().key(object.key()).lastModified(object.lastModified())
                        .eTag(object.eTag()).size((long) object.bytes().length).storageClass(ObjectStorageClass.STANDARD)
                        .build());
            }
            last = object.key();
        }
        return ListObjectsV2Response.builder().name(request.bucket()).prefix(request.prefix())
                .delimiter(request.delimiter()).maxKeys(maxKeys).keyCount(contents.size() + commonPrefixes.size())
                .isTruncated(truncated).contents(contents)
                .commonPrefixes(commonPrefixes.stream().map(p -> CommonPrefix.builder().prefix(p).build()).toList())
                .continuationToken(request.continuationToken()).startAfter(request.startAfter())
                .nextContinuationToken(truncated ? Base64.getEncoder().encodeToString(
                        last.getBytes(StandardCharsets.UTF_8)) : null)
                .build();
    }

    @Override
    public synchronized PutBucketPolicyResponse putBucketPolicy(PutBucketPolicyRequest request) {
        bucket(request.bucket());
        BucketPolicies.check(request.bucket(), request.policy());
        policies.put(request.bucket(), request.policy());
        return PutBucketPolicyResponse.builder().build();
    }

    @Override
    public synchronized GetBucketPolicyResponse getBucketPolicy(GetBucketPolicyRequest request) {
        bucket(request.bucket());
        String policy = policies.get(request.bucket());
        if (policy == null) {
            throw S3Errors.of("NoSuchBucketPolicy", "The bucket policy does not exist", 404);
        }
        return GetBucketPolicyResponse.builder().policy(policy).build();
    }

    @Override
    public synchronized DeleteBucketPolicyResponse deleteBucketPolicy(DeleteBucketPolicyRequest request) {
        bucket(request.bucket());
        policies.remove(request.bucket());
        return DeleteBucketPolicyResponse.builder().build();
    }

    @Override
    public synchronized CreateMultipartUploadResponse createMultipartUpload(CreateMultipartUploadRequest request) {
        bucket(request.bucket());
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("greenlight-upload-" + ++uploadSequence).getBytes(StandardCharsets.UTF_8));
        uploads.put(id, new MultipartUpload(id, request.bucket(), key(request.key()),
                request.contentType() == null ? "binary/octet-stream" : request.contentType(),
                Map.copyOf(request.metadata()), new TreeMap<>()));
        return CreateMultipartUploadResponse.builder().bucket(request.bucket()).key(request.key()).uploadId(id).build();
    }

    @Override
    public UploadPartResponse uploadPart(UploadPartRequest request, RequestBody body) {
        byte[] bytes = read(body);
        synchronized (this) {
            MultipartUpload upload = upload(request.bucket(), request.key(), request.uploadId());
            Integer number = request.partNumber();
            if (number == null || number < 1 || number > MAX_PARTS) {
                throw S3Errors.invalidArgument("Part number must be an integer between 1 and 10000, inclusive");
            }
            String eTag = eTag(bytes);
            upload.parts().put(number, new MultipartUpload.Part(bytes, eTag));
            return UploadPartResponse.builder().eTag(eTag).build();
        }
    }

    /**
     * The parts named, in ascending order, each with the ETag it was uploaded with and all but the
     * last at least 5 MiB, become the object.
     */
    @Override
    public synchronized CompleteMultipartUploadResponse completeMultipartUpload(CompleteMultipartUploadRequest request) {
        MultipartUpload upload = upload(request.bucket(), request.key(), request.uploadId());
        List<CompletedPart> named = request.multipartUpload() == null ? List.of() : request.multipartUpload().parts();
        if (named.isEmpty()) {
            throw S3Errors.of("InvalidRequest", "You must specify at least one part", 400);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ByteArrayOutputStream digests = new ByteArrayOutputStream();
        int previous = 0;
        for (CompletedPart wanted : named) {
            if (wanted.partNumber() == null || wanted.partNumber() <= previous) {
                throw S3Errors.of("InvalidPartOrder", "The list of parts was not in ascending order. The parts list "
                        + "must be specified in order by part number.", 400);
            }
            previous = wanted.partNumber();
        }
        for (int i = 0; i < named.size(); i++) {
            CompletedPart wanted = named.get(i);
            MultipartUpload.Part part = upload.parts().get(wanted.partNumber());
            if (part == null || wanted.eTag() == null || !unquoted(part.eTag()).equals(unquoted(wanted.eTag()))) {
                throw S3Errors.of("InvalidPart", "One or more of the specified parts could not be found. The part "
                        + "might not have been uploaded, or the specified entity tag might not have matched the "
                        + "part's entity tag.", 400);
            }
            if (i < named.size() - 1 && part.bytes().length < MIN_PART_BYTES) {
                throw S3Errors.of("EntityTooSmall", "Your proposed upload is smaller than the minimum allowed "
                        + "object size.", 400);
            }
            bytes.writeBytes(part.bytes());
            digests.writeBytes(HexFormat.of().parseHex(unquoted(part.eTag())));
        }
        String eTag = "\"" + HexFormat.of().formatHex(md5(digests.toByteArray())) + "-" + named.size() + "\"";
        bucket(upload.bucket()).put(upload.key(), new StoredObject(upload.key(), bytes.toByteArray(), eTag,
                upload.contentType(), upload.metadata(), clock.now()));
        uploads.remove(upload.id());
        return CompleteMultipartUploadResponse.builder().location("/" + upload.bucket() + "/" + upload.key())
                .bucket(upload.bucket()).key(upload.key()).eTag(eTag).build();
    }

    @Override
    public synchronized AbortMultipartUploadResponse abortMultipartUpload(AbortMultipartUploadRequest request) {
        uploads.remove(upload(request.bucket(), request.key(), request.uploadId()).id());
        return AbortMultipartUploadResponse.builder().build();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }

    private TreeMap<String, StoredObject> bucket(String name) {
        TreeMap<String, StoredObject> in = name == null ? null : objects.get(name);
        if (in == null) {
            throw S3Errors.noSuchBucket();
        }
        return in;
    }

    private StoredObject object(String bucket, String key) {
        StoredObject object = bucket(bucket).get(key);
        if (object == null) {
            throw S3Errors.noSuchKey();
        }
        return object;
    }

    private MultipartUpload upload(String bucket, String key, String uploadId) {
        bucket(bucket);
        MultipartUpload upload = uploadId == null ? null : uploads.get(uploadId);
        if (upload == null || !upload.bucket().equals(bucket) || !upload.key().equals(key)) {
            throw S3Errors.noSuchUpload();
        }
        return upload;
    }

    private static String unquoted(String eTag) {
        return eTag.replace("\"", "");
    }

    private static String key(String key) {
        if (key == null || key.isEmpty()) {
            throw S3Errors.invalidArgument("Key must not be empty");
        }
        if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw S3Errors.keyTooLong();
        }
        return key;
    }

    private static String rolledUp(String key, String prefix, String delimiter) {
        if (delimiter == null || delimiter.isEmpty()) {
            return null;
        }
        int at = key.indexOf(delimiter, prefix.length());
        return at < 0 ? null : key.substring(0, at + delimiter.length());
    }

    private static String token(String token) {
        try {
            return new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw S3Errors.invalidArgument("The continuation token provided is incorrect");
        }
    }

    private static byte[] read(RequestBody body) {
        try (InputStream in = body.contentStreamProvider().newStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String eTag(byte[] bytes) {
        return "\"" + HexFormat.of().formatHex(md5(bytes)) + "\"";
    }

    private static byte[] md5(byte[] bytes) {
        try {
            return MessageDigest.getInstance("MD5").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }
}
