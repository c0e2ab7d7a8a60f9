package dev.greenlight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What the build prints on a plain terminal, as scripts/greenlight and scripts/test run it: Maven 3.8's
 * console library writes a stray reset code ({@code ESC[0m}) to stdout and stderr on exit unless told
 * not to ({@code .mvn/jvm.config}).
 */
class BuildOutputTest {

    @Test
    void aQuietBuildPrintsNoEscapeCodes() throws Exception {
        Process mvn = new ProcessBuilder("mvn", "-N", "-q", "-B", "-o", "validate").directory(new File(".."))
                .redirectErrorStream(true).start();
        mvn.getOutputStream().close();
        String printed = new String(mvn.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(mvn.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(mvn.exitValue()).as(printed).isZero();
        assertThat(printed).doesNotContain("\u001b[");
    }
}
