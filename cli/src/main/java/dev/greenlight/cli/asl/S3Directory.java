package dev.greenlight.cli.asl;

import dev.greenlight.local.asl.task.Integrations;
import dev.greenlight.local.aws.s3.S3TaskIntegration;
import dev.greenlight.local.aws.s3.S3Twin;
import dev.greenlight.local.clock.VirtualClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@code asl run --s3-dir DIR}: a directory stands in for S3. Each sub-directory is a bucket and each
 * file under it an object, keyed by its path below the bucket ({@code DIR/items/in/a.json} is
 * {@code s3://items/in/a.json}). The run reads them through the S3 twin (ItemReader, s3:getObject
 * tasks), and the objects it writes (ResultWriter, s3:putObject) are written back as files.
 */
final class S3Directory {

    private final Path root;
    private final S3Twin s3 = new S3Twin(new VirtualClock());

    private S3Directory(Path root) {
        this.root = root;
    }

    /** @throws IllegalArgumentException when the directory cannot be read as buckets and objects */
    static S3Directory load(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("--s3-dir " + root + " is not a directory: make one whose "
                    + "sub-directories are the buckets");
        }
        S3Directory directory = new S3Directory(root);
        try (Stream<Path> buckets = Files.list(root)) {
            for (Path bucket : buckets.filter(Files::isDirectory).sorted().toList()) {
                directory.loadBucket(bucket);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read --s3-dir " + root + " (" + e.getMessage() + ")");
        }
        return directory;
    }

    private void loadBucket(Path bucket) throws IOException {
        String name = bucket.getFileName().toString();
        try {
            s3.createBucket(b -> b.bucket(name));
        } catch (S3Exception e) {
            throw new IllegalArgumentException("the directory " + bucket + " is no valid bucket name: "
                    + e.awsErrorDetails().errorMessage());
        }
        try (Stream<Path> files = Files.walk(bucket)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                s3.putObject(b -> b.bucket(name).key(key(bucket, file)), RequestBody.fromBytes(Files.readAllBytes(file)));
            }
        }
    }

    private static String key(Path bucket, Path file) {
        return String.join("/", Arrays.stream(bucket.relativize(file).toString().split("[/\\\\]")).toList());
    }

    /** The S3 integration over this directory, other resources left to {@code others}. */
    Integrations integration(Integrations others) {
        return new S3TaskIntegration(s3, others);
    }

    /** Writes every object that is new or changed back to its file. */
    void save() {
        for (Bucket bucket : s3.listBuckets(b -> { }).buckets()) {
            for (S3Object object : objects(bucket.name())) {
                byte[] bytes = s3.objectBytes(bucket.name(), object.key()).orElseThrow();
                Path file = root.resolve(bucket.name()).resolve(object.key());
                try {
                    if (!Files.isRegularFile(file) || !Arrays.equals(Files.readAllBytes(file), bytes)) {
                        Files.createDirectories(file.getParent());
                        Files.write(file, bytes);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + file, e);
                }
            }
        }
    }

    private List<S3Object> objects(String bucket) {
        List<S3Object> all = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListObjectsV2Response page = s3.listObjectsV2(b -> b.bucket(bucket).continuationToken(next));
            all.addAll(page.contents());
            token = page.nextContinuationToken();
        } while (token != null);
        return all;
    }
}
