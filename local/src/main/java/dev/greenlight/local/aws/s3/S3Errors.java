package dev.greenlight.local.aws.s3;

import dev.greenlight.local.aws.AwsErrors;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** S3's refusals with the codes, statuses and messages of the S3 API reference's "Error codes" list. */
final class S3Errors {

    private S3Errors() {
    }

    static NoSuchBucketException noSuchBucket() {
        return AwsErrors.of(NoSuchBucketException.builder(), "NoSuchBucket", "The specified bucket does not exist", 404);
    }

    static NoSuchKeyException noSuchKey() {
        return AwsErrors.of(NoSuchKeyException.builder(), "NoSuchKey", "The specified key does not exist.", 404);
    }

    static NoSuchUploadException noSuchUpload() {
        return AwsErrors.of(NoSuchUploadException.builder(), "NoSuchUpload", "The specified upload does not exist. "
                + "The upload ID may be invalid, or the upload may have been aborted or completed.", 404);
    }

    static S3Exception invalidBucketName() {
        return of("InvalidBucketName", "The specified bucket is not valid.", 400);
    }

    static S3Exception bucketNotEmpty() {
        return of("BucketNotEmpty", "The bucket you tried to delete is not empty", 409);
    }

    static S3Exception keyTooLong() {
        return of("KeyTooLongError", "Your key is too long", 400);
    }

    static S3Exception invalidArgument(String message) {
        return of("InvalidArgument", message, 400);
    }

    static S3Exception of(String code, String message, int status) {
        return AwsErrors.of(S3Exception.builder(), code, message, status);
    }
}
