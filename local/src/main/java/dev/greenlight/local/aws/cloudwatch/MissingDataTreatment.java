package dev.greenlight.local.aws.cloudwatch;

import java.util.Arrays;
import java.util.Optional;

/** TreatMissingData: how an alarm counts periods without data ("Configuring how CloudWatch alarms treat missing data"). */
enum MissingDataTreatment {
    /** Missing periods are "bad" and count as breaching. */
    BREACHING("breaching"),
    /** Missing periods are "good" and count as within the threshold. */
    NOT_BREACHING("notBreaching"),
    /** The current state is kept. */
    IGNORE("ignore"),
    /** The default: only when every period of the evaluation range is missing does the alarm go to INSUFFICIENT_DATA. */
    MISSING("missing");

    private final String value;

    MissingDataTreatment(String value) {
        this.value = value;
    }

    String value() {
        return value;
    }

    static Optional<MissingDataTreatment> parse(String value) {
        return Arrays.stream(values()).filter(t -> t.value.equals(value)).findFirst();
    }
}
