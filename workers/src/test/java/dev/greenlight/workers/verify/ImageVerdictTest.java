package dev.greenlight.workers.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.workers.config.ServiceConfig.ScanThresholds;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageVerdictTest {

    private static final Platform AMD = Platform.LINUX_AMD64;

    @ParameterizedTest(name = "{0} CRITICAL, {1} HIGH, {2} MEDIUM against limits {3}/{4}/{5}: accepted={6}")
    @CsvSource(nullValues = "-", value = {
            "0, 0, 0, 0, -, -, true",
            "1, 0, 0, 0, -, -, false",
            "1, 0, 0, 1, -, -, true",
            "0, 5, 0, 0, 4, -, false",
            "0, 5, 0, 0, 5, -, true",
            "0, 0, 9, -, -, 8, false",
            "3, 3, 3, -, -, -, true"})
    void findingsAgainstLimits(int critical, int high, int medium, Integer maxCritical, Integer maxHigh,
            Integer maxMedium, boolean accepted) {
        ScanFindings scan = new ScanFindings(Map.of("CRITICAL", critical, "HIGH", high, "MEDIUM", medium), Map.of());
        ImageVerdict verdict = ImageVerdict.assess(evidence(scan, null, Map.of(), List.of(AMD)), AMD, "orders:1",
                new ScanThresholds(maxCritical, maxHigh, maxMedium), List.of());

        assertThat(verdict.accepted()).isEqualTo(accepted);
        assertThat(verdict.reasons()).hasSize(accepted ? 0 : 1);
    }

    @Test
    void manyFindings_nameTheFirstTenAndCountTheRest() {
        List<String> cves = IntStream.rangeClosed(1, 13).mapToObj(i -> "CVE-2025-" + i).toList();
        ScanFindings scan = new ScanFindings(Map.of("HIGH", 13), Map.of("HIGH", cves));

        ImageVerdict verdict = ImageVerdict.assess(evidence(scan, null, Map.of(), List.of(AMD)), AMD, "orders:1",
                new ScanThresholds(null, 2, null), List.of());

        assertThat(verdict.reasons()).containsExactly("13 HIGH findings, at most 2 allowed (config.scan.maxHigh): "
                + String.join(", ", cves.subList(0, 10)) + " and 3 more");
    }

    @Test
    void blankRequiredLabel_countsAsMissing() {
        ImageVerdict verdict = ImageVerdict.assess(evidence(null, null, Map.of("team", " "), List.of(AMD)), AMD,
                "orders:1", null, List.of("team"));

        assertThat(verdict.reasons()).singleElement().asString().startsWith("label 'team' is empty in the image config");
    }

    @Test
    void unusableScanAndUnreadableConfig_areReasonsThemselves() {
        ImageVerdict verdict = ImageVerdict.assess(new ImageEvidence(null, "scan status FAILED", Map.of(), List.of(),
                "the manifest is not JSON"), AMD, "orders:1", new ScanThresholds(0, null, null), List.of("team"));

        assertThat(verdict.accepted()).isFalse();
        assertThat(verdict.reasons()).containsExactly("the vulnerability scan cannot be used: scan status FAILED",
                "cannot read the image config, so its labels and platform are unchecked: the manifest is not JSON");
    }

    @ParameterizedTest(name = "runtimePlatform {0}/{1} is {2}")
    @CsvSource(nullValues = "-", value = {
            "-, -, linux/amd64",
            "LINUX, X86_64, linux/amd64",
            "LINUX, ARM64, linux/arm64",
            "WINDOWS_SERVER_2022_CORE, X86_64, windows/amd64"})
    void ecsRuntimePlatform_inOciTerms(String family, String cpu, String expected) {
        var runtime = family == null ? null : software.amazon.awssdk.services.ecs.model.RuntimePlatform.builder()
                .operatingSystemFamily(family).cpuArchitecture(cpu).build();

        assertThat(Platform.of(runtime)).hasToString(expected);
    }

    private static ImageEvidence evidence(ScanFindings scan, String scanProblem, Map<String, String> labels,
            List<Platform> platforms) {
        return new ImageEvidence(scan, scanProblem, labels, platforms, null);
    }
}
