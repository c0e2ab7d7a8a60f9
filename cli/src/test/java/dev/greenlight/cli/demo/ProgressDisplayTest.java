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
        ProgressDisplay display = new ProgressDisplay(new PrintWriter(written), true);

        display.show(look(1, "WaitCanary", 100, 0));
        display.show(look(2, "WaitCanary", 100, 0));
        display.say("approved");

        assertThat(written.toString()).startsWith("\r\u001b[K3.0  0m 01s  WaitCanary")
                .contains("\r\u001b[K3.0  0m 02s  WaitCanary").endsWith("\napproved" + System.lineSeparator())
                .doesNotContain(System.lineSeparator() + "\r");
    }

    @Test
    void elsewhere_aPlainLineWhenTheStateSplitOrAlarmsChange_andEveryFifteenSeconds() {
        ProgressDisplay display = new ProgressDisplay(new PrintWriter(written), false);

        display.show(look(0, "WaitCanary", 100, 0));
        display.show(look(3, "WaitCanary", 100, 0));
        display.show(look(4, "WaitCanary", 90, 10));
        display.show(look(10, "WaitCanary", 90, 10));
        display.show(look(19, "WaitCanary", 90, 10));

        assertThat(written.toString().lines()).hasSize(3).allSatisfy(line -> assertThat(line).doesNotContain("\r"));
        assertThat(written.toString().lines().map(line -> line.substring(0, 11)))
                .containsExactly("3.0  0m 00s", "3.0  0m 04s", "3.0  0m 19s");
    }

    @Test
    void theLine_showsStateSplitAsABarAlarmsAndUsers() {
        assertThat(look(42, "WatchCanary", 90, 10).line()).isEqualTo("3.0  0m 42s  WatchCanary            "
                + "[##################++] blue  90% green  10%  alarms orders-blue-5xx OK, orders-green-5xx ALARM"
                + "  users 1,234 ok / 5 failed");
    }

    private static Observation look(int second, String state, int blue, int green) {
        return new Observation("3.0", Duration.ofSeconds(second), state, new TrafficSplit(blue, green),
                ALARMS, 1_234, 5);
    }
}
