package dev.greenlight.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ProgressDisplayTest {

    private static final Map<String, String> ALARMS = new TreeMap<>(
            Map.of("orders-blue-5xx", "OK", "orders-green-5xx", "ALARM"));

    private final StringWriter written = new StringWriter();

    @Test
    void onATerminal_theLineIsRedrawnInPlace() {
        ProgressDisplay display = new ProgressDisplay(new PrintWriter(written), true, 200);

        display.show(look(1, "WaitCanary", 100, 0));
        display.show(look(2, "WaitCanary", 100, 0));
        display.say("approved");

        assertThat(written.toString()).startsWith("\r\u001b[K3.0  0m 01s  WaitCanary")
                .contains("\r\u001b[K3.0  0m 02s  WaitCanary").endsWith("\napproved" + System.lineSeparator())
                .doesNotContain(System.lineSeparator() + "\r");
    }

    @Test
    void elsewhere_aPlainLineWhenTheStepSplitOrAlarmsChange_andEveryThirtySeconds() {
        ProgressDisplay display = new ProgressDisplay(new PrintWriter(written), false, 60);

        display.show(look(0, "WatchCanary", 100, 0));
        display.show(look(3, "WatchCanary", 100, 0));
        display.show(look(4, "WatchCanary", 90, 10));
        display.show(look(10, "WatchCanary", 90, 10));
        display.show(look(34, "WatchCanary", 90, 10));
        display.show(look(40, "WatchBake", 90, 10));

        assertThat(written.toString().lines()).hasSize(4).allSatisfy(line -> assertThat(line).doesNotContain("\r"));
        assertThat(written.toString().lines().map(line -> line.substring(0, 11)))
                .containsExactly("3.0  0m 00s", "3.0  0m 04s", "3.0  0m 34s", "3.0  0m 40s");
    }

    @Test
    void elsewhere_thePipelineGoingRoundTheCanaryLoop_printsNoLine_andTheLineNamesTheStep() {
        ProgressDisplay display = new ProgressDisplay(new PrintWriter(written), false, Integer.MAX_VALUE);
        String[] loop = {"WatchCanary", "CanaryVerdict", "WaitCanary", "DriveSyntheticLoadCanary", "PauseCanary"};

        for (int second = 0; second < 30; second++) {
            display.show(look(second, loop[second % loop.length], 90, 10));
        }
        display.show(look(30, "DescribeAlarm", 90, 10));
        display.show(look(31, "WatchRollback", 100, 0));
        display.show(look(32, "WaitRolledBack", 100, 0));

        assertThat(written.toString().lines().map(line -> line.substring(13, 35).strip()))
                .containsExactly("canary", "DescribeAlarm", "rollback");
    }

    @Test
    void theStepsLoops_areStatesOfThePipeline() throws Exception {
        var states = new java.util.HashSet<String>();
        collectStates(dev.greenlight.workers.core.Worker.JSON.readTree(
                dev.greenlight.statemachine.PipelineDefinition.raw()), states);

        assertThat(states).containsAll(PipelineStep.loops().keySet());
        assertThat(PipelineStep.of("VerifyImage")).isEqualTo("VerifyImage");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} columns")
    @org.junit.jupiter.params.provider.ValueSource(ints = {60, 100, 160})
    void onATerminal_theRedrawnLineFitsItsWidth(int columns) {
        ProgressDisplay display = new ProgressDisplay(new PrintWriter(written), true, columns);

        display.show(look(1, "WatchCanary", 100, 0));
        display.show(look(62, "AwaitApproval", 90, 10));
        display.say("approved");

        String[] redraws = written.toString().split("\r\u001b\\[K");
        assertThat(redraws).hasSize(3);
        for (int i = 1; i < redraws.length; i++) {
            String line = redraws[i].lines().findFirst().orElseThrow();
            assertThat(line.length()).as(line).isLessThan(columns).isGreaterThan(Math.min(columns - 25, 40));
            assertThat(line).startsWith("3.0  ");
        }
        assertThat(redraws[2]).contains("orders-green-5xx ALARM");
    }

    @Test
    void aNarrowLine_keepsTheSplitAndTheAlarmsThatAreNotOk() {
        assertThat(look(62, "WatchCanary", 90, 10).line(110)).isEqualTo("3.0  1m 02s  WatchCanary  blue 90% green "
                + "10%  alarms orders-green-5xx ALARM  users 1,234 ok / 5 failed");
        assertThat(look(62, "WatchCanary", 90, 10).line(59)).isEqualTo("3.0  1m 02s  WatchCanary  90/10  "
                + "orders-green-5xx ALARM");
        assertThat(look(62, "WatchCanary", 90, 10).line(30)).hasSize(30);
    }

    @Test
    void theTerminalWidth_comesFromColumnsWhenTheShellExportsIt() {
        assertThat(TerminalWidth.of(Map.of("COLUMNS", "132"))).isEqualTo(132);
        assertThat(TerminalWidth.parse("wide")).isNull();
        assertThat(TerminalWidth.parse("5")).isNull();
    }

    @Test
    void theLine_showsStateSplitAsABarAlarmsAndUsers() {
        assertThat(look(42, "WatchCanary", 90, 10).line()).isEqualTo("3.0  0m 42s  WatchCanary            "
                + "[##################++] blue  90% green  10%  alarms orders-blue-5xx OK, orders-green-5xx ALARM"
                + "  users 1,234 ok / 5 failed");
    }

    /** Every state's name, those of a Parallel's branches included. */
    private static void collectStates(com.fasterxml.jackson.databind.JsonNode node, java.util.Set<String> states) {
        node.fields().forEachRemaining(field -> {
            if (field.getKey().equals("States")) {
                field.getValue().fieldNames().forEachRemaining(states::add);
            }
        });
        node.elements().forEachRemaining(child -> collectStates(child, states));
    }

    private static Observation look(int second, String state, int blue, int green) {
        return new Observation("3.0", Duration.ofSeconds(second), state, new BlueGreen(blue, green),
                ALARMS, 1_234, 5);
    }
}
