package dev.greenlight.cli.demo;

import dev.greenlight.workers.pipeline.TrafficSplit;

/**
 * Where the production listener sends users, in percent: blue is the target group that had all of it
 * when the deployment started, green the other.
 */
record BlueGreen(int bluePercent, int greenPercent) {

    static final BlueGreen ALL_BLUE = new BlueGreen(100, 0);

    static BlueGreen of(TrafficSplit split, String blueTargetGroupArn) {
        return new BlueGreen(split.percentOf(blueTargetGroupArn), split.percentOfOthers(blueTargetGroupArn));
    }

    boolean allOnBlue() {
        return bluePercent == 100;
    }

    /** {@code [##################++]}: one character per 5 %, # for blue and + for green. */
    String bar() {
        int green = (int) Math.round(greenPercent / 5.0);
        return "[" + "#".repeat(20 - green) + "+".repeat(green) + "]";
    }
}
