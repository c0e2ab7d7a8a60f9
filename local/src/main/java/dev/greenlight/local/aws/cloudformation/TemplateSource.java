package dev.greenlight.local.aws.cloudformation;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where a template body comes from: the request's TemplateBody, or the S3 object its TemplateURL
 * names (virtual-hosted {@code https://BUCKET.s3.REGION.amazonaws.com/KEY}, path-style
 * {@code https://s3.REGION.amazonaws.com/BUCKET/KEY}, or the twin's own endpoint path-style).
 */
public final class TemplateSource {

    /** Port to the S3 twin. */
    public interface Objects {
        Optional<byte[]> bytes(String bucket, String key);
    }

    private TemplateSource() {
    }

    static String body(String templateBody, String templateUrl, Objects s3) {
        if (templateBody != null && templateUrl != null) {
            throw CloudFormationErrors.validation("You cannot specify both TemplateURL and TemplateBody in the same request.");
        }
        if (templateBody != null) {
            return templateBody;
        }
        if (templateUrl == null) {
            throw CloudFormationErrors.validation("Either Template URL or Template Body must be specified.");
        }
        String[] location = location(templateUrl);
        return s3.bytes(location[0], location[1]).map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .orElseThrow(() -> CloudFormationErrors.validation("S3 error: The specified key does not exist."));
    }

    private static String[] location(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw CloudFormationErrors.validation("TemplateURL must be a supported URL.");
        }
        String host = uri.getHost() == null ? "" : uri.getHost();
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        int s3 = host.indexOf(".s3.");
        if (s3 < 0) {
            s3 = host.indexOf(".s3-");
        }
        if (s3 > 0 && !path.isEmpty()) {
            return new String[] {host.substring(0, s3), path};
        }
        int slash = path.indexOf('/');
        if (slash <= 0) {
            throw CloudFormationErrors.validation("TemplateURL must be a supported URL.");
        }
        return new String[] {path.substring(0, slash), path.substring(slash + 1)};
    }
}
