package dev.greenlight.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.NullNode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ColdStartsTest {

    private static final WorkerBuild BUILD = new WorkerBuild("ours", "a build", Path.of("workers.jar"), "Main", "cp");

    @ParameterizedTest(name = "{0} samples: p50 {1} ms, p90 {2} ms")
    @CsvSource({
            "'900', 900, 900",
            "'900,1100,1000,1300,1200', 1100, 1300",
            "'1000,1100,1200,1300,1400,1500,1600,1700,1800,1900', 1400, 1800",
            "'1900,1000,1500,1200,1800,1100,1700,1300,1600,1400,2000', 1500, 1900"})
    void percentiles_areNearestRanksOfTheSortedSamples(String millis, double p50, double p90) {
        ColdStarts starts = starts(Arrays.stream(millis.split(",")).mapToLong(Long::parseLong).toArray());

        assertThat(starts.firstResponseMillis(50)).isEqualTo(p50);
        assertThat(starts.firstResponseMillis(90)).isEqualTo(p90);
    }

    @Test
    void timeInMain_isReadFromWhatTheChildMeasured() {
        ColdStarts starts = new ColdStarts("VerifyImage", BUILD, List.of(
                new FreshJvm.Sample(1_500_000_000L, 1_200_000_000L, NullNode.getInstance()),
                new FreshJvm.Sample(1_400_000_000L, 1_100_000_000L, NullNode.getInstance()),
                new FreshJvm.Sample(1_600_000_000L, 1_300_000_000L, NullNode.getInstance())));

        assertThat(starts.inMainMillis(50)).isEqualTo(1_200.0);
        assertThat(starts.firstResponseMillis(50)).isEqualTo(1_500.0);
    }

    @Test
    void noSamples_isRefused() {
        assertThatThrownBy(() -> starts()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("VerifyImage");
    }

    private static ColdStarts starts(long... millis) {
        return new ColdStarts("VerifyImage", BUILD, Arrays.stream(millis)
                .mapToObj(ms -> new FreshJvm.Sample(ms * 1_000_000, 0, NullNode.getInstance())).toList());
    }
}
