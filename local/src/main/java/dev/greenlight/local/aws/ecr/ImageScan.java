package dev.greenlight.local.aws.ecr;

import java.time.Instant;
import software.amazon.awssdk.services.ecr.model.ScanStatus;

/** A basic scan of one image: started, and once the clock gets there, complete. */
record ImageScan(ScanStatus status, Instant startedAt, Instant completedAt) {

    static ImageScan started(Instant at) {
        return new ImageScan(ScanStatus.IN_PROGRESS, at, null);
    }

    ImageScan completed(Instant at) {
        return new ImageScan(ScanStatus.COMPLETE, startedAt, at);
    }

    boolean complete() {
        return status == ScanStatus.COMPLETE;
    }

    String description() {
        return complete() ? "The scan was completed successfully." : "The scan is in progress.";
    }
}
