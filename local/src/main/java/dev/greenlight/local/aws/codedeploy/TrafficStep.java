package dev.greenlight.local.aws.codedeploy;

import java.time.Duration;

/** During AllowTraffic: {@code after} the event started, the replacement gets {@code replacementPercent}. */
record TrafficStep(Duration after, int replacementPercent) {
}
