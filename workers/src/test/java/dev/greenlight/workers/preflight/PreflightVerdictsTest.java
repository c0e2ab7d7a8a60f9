package dev.greenlight.workers.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PreflightVerdictsTest {

    private static final Instant T = Instant.parse("2026-01-01T10:00:00Z");
    private static final PushedImage THIS = new PushedImage("sha256:b", List.of("2.0"), T);

    @Test
    void newerPush_isTheNewestTaggedImagePushedLater() {
        List<PushedImage> repository = List.of(
                new PushedImage("sha256:a", List.of("1.0"), T.minusSeconds(600)),
                THIS,
                new PushedImage("sha256:c", List.of("2.1"), T.plusSeconds(60)),
                new PushedImage("sha256:d", List.of("2.2"), T.plusSeconds(120)),
                new PushedImage("sha256:e", List.of(), T.plusSeconds(180)));

        assertThat(PreflightVerdicts.newerPush(THIS, repository)).map(PushedImage::digest).contains("sha256:d");
    }

    @Test
    void samePushTimeOrOnlyOlderImages_supersedeNothing() {
        List<PushedImage> repository = List.of(THIS, new PushedImage("sha256:a", List.of("1.0"), T.minusSeconds(1)),
                new PushedImage("sha256:z", List.of("2.0-debug"), T));

        assertThat(PreflightVerdicts.newerPush(THIS, repository)).isEmpty();
    }

    @Test
    void noAlarmsAndNoNewerPush_isClearWithNoReasons() {
        Preflight.Output out = PreflightVerdicts.decide(THIS, Optional.empty(), List.of(), List.of(), null, null);

        assertThat(out.verdict()).isEqualTo(PreflightVerdict.CLEAR);
        assertThat(out.reasons()).isEmpty();
    }
}
