package dev.greenlight.workers.verify;

import dev.greenlight.local.aws.ecr.EcrTwin;

/** Image configs on the local twin: the twin's blob store stands in for GetDownloadUrlForLayer and the HTTP GET. */
final class TwinImageConfigs implements ImageConfigs {

    private final EcrTwin ecr;

    TwinImageConfigs(EcrTwin ecr) {
        this.ecr = ecr;
    }

    @Override
    public String fetch(String registryId, String repository, String digest) {
        return ecr.blob(repository, digest).orElseThrow(() -> new IllegalStateException(
                "blob " + digest + " is not in repository '" + repository + "'"));
    }
}
