package dev.greenlight.workers.verify;

import java.util.List;
import java.util.Map;

/**
 * What VerifyImage found out about an image before judging it.
 *
 * @param scan        the completed scan, or null when there is none to judge
 * @param scanProblem why the scan cannot be used (it failed, the image type is unsupported), or null
 * @param labels      the image config's labels (empty when unreadable)
 * @param platforms   the platforms the image is built for (several for an index)
 * @param unreadable  why the image config could not be read, or null
 */
record ImageEvidence(ScanFindings scan, String scanProblem, Map<String, String> labels, List<Platform> platforms,
        String unreadable) {

    ImageEvidence {
        labels = Map.copyOf(labels);
        platforms = List.copyOf(platforms);
    }
}
