package dev.greenlight.local.aws.codedeploy;

import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.services.codedeploy.model.BundleType;
import software.amazon.awssdk.services.codedeploy.model.S3Location;

/**
 * An ECS revision stored in S3: for ECS the revision is the AppSpec file itself, so bundleType must
 * be YAML or JSON (zip, tar and tgz are EC2/On-Premises bundles). AWS documents the refusals as
 * InvalidRevisionException and RevisionDoesNotExistException; their exact messages are unpublished.
 * The S3 twin keeps no versions, so a version is not checked, nor is an eTag.
 */
final class S3Revision {

    private S3Revision() {
    }

    static String appSpecContent(S3Location location, RevisionObjects objects) {
        if (location == null || blank(location.bucket()) || blank(location.key())) {
            throw CodeDeployErrors.invalidRevision("An S3 revision must name s3Location.bucket and s3Location.key.");
        }
        BundleType bundleType = location.bundleType();
        if (bundleType != BundleType.YAML && bundleType != BundleType.JSON) {
            throw CodeDeployErrors.invalidRevision("The bundle type " + location.bundleTypeAsString()
                    + " is not valid for an ECS deployment: its revision is an AppSpec file, bundleType YAML or JSON.");
        }
        byte[] bytes = objects.bytes(location.bucket(), location.key()).orElseThrow(() ->
                CodeDeployErrors.revisionDoesNotExist("s3://" + location.bucket() + "/" + location.key()));
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
