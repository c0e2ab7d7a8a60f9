package dev.greenlight.workers.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.workers.pipeline.Failure.FiredAlarm;
import org.junit.jupiter.api.Test;

/** A failure's cause as a person reads it: the sentence without the alarm list, and each alarm that fired. */
class FailureTest {

    /** As DescribeAlarm writes it (States.JsonToString($.watch.alarms)), from a rehearsal on the twin. */
    private static final String ALARM_FIRED = "An alarm fired while 123456789012.dkr.ecr.us-east-1.amazonaws.com/"
            + "orders@sha256:627f was watched (deployment d-NXNJW61QH): [{\"name\":\"orders-blue-5xx\",\"state\":"
            + "\"ALARM\",\"firedAt\":\"2026-01-01T00:07:00Z\",\"reason\":\"Threshold Crossed: 1 out of the last 1 "
            + "datapoints [52.0 (01/01/26 00:06:00)] was greater than or equal to the threshold (1.0) (minimum 1 "
            + "datapoint for OK -> ALARM transition).\",\"role\":\"green\",\"targetGroup\":\"orders-blue\"},"
            + "{\"name\":\"orders-green-5xx\",\"state\":\"OK\",\"firedAt\":null,\"reason\":\"Threshold Crossed: no "
            + "datapoints were received for 1 period and 1 missing datapoint was treated as [NonBreaching].\","
            + "\"role\":\"blue\",\"targetGroup\":\"orders-green\"}]. Traffic went back to the previous version; "
            + "read the alarms and the new version logs.";

    @Test
    void anAlarmFiredCause_saysTheVerdictInItsSentence_andEachAlarmThatFiredWithItsRoleAndAShortReason() {
        Failure failure = Failure.of("Greenlight.AlarmFired", ALARM_FIRED);

        assertThat(failure.summary()).isEqualTo("An alarm fired while 123456789012.dkr.ecr.us-east-1.amazonaws.com/"
                + "orders@sha256:627f was watched (deployment d-NXNJW61QH). Traffic went back to the previous "
                + "version; read the alarms and the new version logs.");
        assertThat(failure.fired()).containsExactly(new FiredAlarm("orders-blue-5xx", "green", "ALARM",
                "2026-01-01T00:07:00Z", "Threshold Crossed: 1 out of the last 1 datapoints [52.0 (01/01/26 00:06:00)] "
                        + "was greater than or equal to the threshold (1.0)"));
        assertThat(failure.cause()).as("the figures stay whole").isEqualTo(ALARM_FIRED);
    }

    @Test
    void anAlarmThatFiredAndReturnedToOk_inTheWindow_isOneThatFired() {
        Failure failure = Failure.of("Greenlight.AlarmFired", "An alarm fired: [{\"name\":\"a\",\"state\":\"OK\","
                + "\"firedAt\":\"2026-01-01T00:07:00Z\",\"reason\":\"back\",\"role\":\"green\"}]. Rolled back.");

        assertThat(failure.fired()).extracting(FiredAlarm::name, FiredAlarm::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a", "OK"));
        assertThat(failure.summary()).isEqualTo("An alarm fired. Rolled back.");
    }

    @Test
    void preflightsListOfFiringAlarms_hasNoState_andEachOneFires() {
        Failure failure = Failure.of("Greenlight.AlarmAlreadyFiring", "Nothing was deployed: alarms of service orders "
                + "already fire: [{\"name\":\"orders-green-5xx\",\"since\":\"2026-01-01T00:07:00Z\",\"reason\":\"x\","
                + "\"targetGroup\":\"orders-green\"}]. Fix them first.");

        assertThat(failure.summary()).isEqualTo("Nothing was deployed: alarms of service orders already fire. Fix them "
                + "first.");
        assertThat(failure.fired()).containsExactly(new FiredAlarm("orders-green-5xx", null, null,
                "2026-01-01T00:07:00Z", "x"));
    }

    @Test
    void aCauseWithoutAnAlarmList_isKeptAsItIs() {
        String cause = "rejected by alice: wrong build [{not json}]; the numbers: {\"requests\": 3}";

        Failure failure = Failure.of("Greenlight.ApprovalRejected", cause);

        assertThat(failure.summary()).isEqualTo(cause);
        assertThat(failure.fired()).isEmpty();
        assertThat(Failure.of(null, null)).as("no error, no failure").isNull();
    }
}
