package dev.greenlight.local.aws.ecr;

import dev.greenlight.local.aws.AwsErrors;
import dev.greenlight.local.aws.LocalAccount;
import software.amazon.awssdk.services.ecr.model.EmptyUploadException;
import software.amazon.awssdk.services.ecr.model.ImageAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.ImageDigestDoesNotMatchException;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;
import software.amazon.awssdk.services.ecr.model.ImageNotFoundException;
import software.amazon.awssdk.services.ecr.model.ImageTagAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.InvalidLayerException;
import software.amazon.awssdk.services.ecr.model.InvalidLayerPartException;
import software.amazon.awssdk.services.ecr.model.InvalidParameterException;
import software.amazon.awssdk.services.ecr.model.LayerAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.LayerInaccessibleException;
import software.amazon.awssdk.services.ecr.model.LayersNotFoundException;
import software.amazon.awssdk.services.ecr.model.LimitExceededException;
import software.amazon.awssdk.services.ecr.model.RepositoryAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.RepositoryNotEmptyException;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;
import software.amazon.awssdk.services.ecr.model.ScanNotFoundException;
import software.amazon.awssdk.services.ecr.model.UploadNotFoundException;

/** ECR's refusals, coded and worded as AWS answers them. */
final class EcrErrors {

    private static final String REGISTRY = "in the registry with id '" + LocalAccount.ID + "'";

    private EcrErrors() {
    }

    static RepositoryNotFoundException repositoryNotFound(String name) {
        return AwsErrors.of(RepositoryNotFoundException.builder(), "RepositoryNotFoundException",
                "The repository with name '" + name + "' does not exist " + REGISTRY, 400);
    }

    static RepositoryAlreadyExistsException repositoryExists(String name) {
        return AwsErrors.of(RepositoryAlreadyExistsException.builder(), "RepositoryAlreadyExistsException",
                "The repository with name '" + name + "' already exists " + REGISTRY, 400);
    }

    static RepositoryNotEmptyException repositoryNotEmpty(String name) {
        return AwsErrors.of(RepositoryNotEmptyException.builder(), "RepositoryNotEmptyException",
                "The repository with name '" + name + "' in registry with id '" + LocalAccount.ID
                        + "' cannot be deleted because it still contains images", 400);
    }

    static ImageNotFoundException imageNotFound(String repository, ImageIdentifier id) {
        return AwsErrors.of(ImageNotFoundException.builder(), "ImageNotFoundException",
                "The image with imageId " + describe(id) + " does not exist within the repository with name '"
                        + repository + "' " + REGISTRY, 400);
    }

    static ImageTagAlreadyExistsException tagImmutable(String repository, String tag) {
        return AwsErrors.of(ImageTagAlreadyExistsException.builder(), "ImageTagAlreadyExistsException",
                "The image tag '" + tag + "' already exists in the '" + repository
                        + "' repository and cannot be overwritten because the tag is immutable.", 400);
    }

    static ImageAlreadyExistsException imageExists(String repository, String digest, String tag) {
        return AwsErrors.of(ImageAlreadyExistsException.builder(), "ImageAlreadyExistsException",
                "Image with digest '" + digest + "' and tag '" + tag + "' already exists in the repository with name '"
                        + repository + "' in registry with id '" + LocalAccount.ID + "'", 400);
    }

    static ImageDigestDoesNotMatchException digestMismatch(String given, String computed) {
        return AwsErrors.of(ImageDigestDoesNotMatchException.builder(), "ImageDigestDoesNotMatchException",
                "Provided digest '" + given + "' does not match the digest of the manifest '" + computed + "'", 400);
    }

    static LayersNotFoundException layersNotFound(String repository, Iterable<String> digests) {
        return AwsErrors.of(LayersNotFoundException.builder(), "LayersNotFoundException",
                "Layers with digests '" + digests + "' required for pushing image into repository with name '"
                        + repository + "' in registry with id '" + LocalAccount.ID + "' do not exist", 400);
    }

    static ScanNotFoundException scanNotFound(String repository, ImageIdentifier id) {
        return AwsErrors.of(ScanNotFoundException.builder(), "ScanNotFoundException",
                "Image scan does not exist for the image with '" + describe(id) + "' in the repository with name '"
                        + repository + "' " + REGISTRY, 400);
    }

    static LimitExceededException scanQuota() {
        return AwsErrors.of(LimitExceededException.builder(), "LimitExceededException",
                "The scan quota per image has been exceeded. Wait and try again.", 400);
    }

    // AWS documents when the layer-upload errors apply, not their messages: these are worded here.

    static UploadNotFoundException uploadNotFound(String repository, String uploadId) {
        return AwsErrors.of(UploadNotFoundException.builder(), "UploadNotFoundException",
                "Upload with id '" + uploadId + "' does not exist in the repository with name '" + repository + "' "
                        + REGISTRY, 400);
    }

    static InvalidLayerPartException invalidLayerPart(String repository, String uploadId, long lastValidByte,
            String why) {
        return AwsErrors.of(InvalidLayerPartException.builder().registryId(LocalAccount.ID).repositoryName(repository)
                        .uploadId(uploadId).lastValidByteReceived(lastValidByte), "InvalidLayerPartException",
                "The layer part of upload with id '" + uploadId + "' is not valid: " + why
                        + "; the last valid byte received is " + lastValidByte, 400);
    }

    static EmptyUploadException emptyUpload(String repository, String uploadId) {
        return AwsErrors.of(EmptyUploadException.builder(), "EmptyUploadException",
                "Upload with id '" + uploadId + "' in the repository with name '" + repository
                        + "' does not contain any layer parts", 400);
    }

    static InvalidLayerException invalidLayer(String uploadId, Iterable<String> given, String computed) {
        return AwsErrors.of(InvalidLayerException.builder(), "InvalidLayerException",
                "The digest of the layer uploaded with id '" + uploadId + "' is '" + computed
                        + "', which does not match the layer digests " + given, 400);
    }

    static LayerAlreadyExistsException layerExists(String repository, String digest) {
        return AwsErrors.of(LayerAlreadyExistsException.builder(), "LayerAlreadyExistsException",
                "Layer with digest '" + digest + "' already exists in the repository with name '" + repository + "' "
                        + REGISTRY, 400);
    }

    /** AWS's description of the error, from the API reference. */
    static LayerInaccessibleException layerInaccessible() {
        return AwsErrors.of(LayerInaccessibleException.builder(), "LayerInaccessibleException",
                "The specified layer is not available because it is not associated with an image. "
                        + "Unassociated image layers may be cleaned up at any time.", 400);
    }

    static InvalidParameterException invalidParameter(String message) {
        return AwsErrors.of(InvalidParameterException.builder(), "InvalidParameterException", message, 400);
    }

    private static String describe(ImageIdentifier id) {
        return "{imageDigest:'" + id.imageDigest() + "', imageTag:'" + id.imageTag() + "'}";
    }
}
