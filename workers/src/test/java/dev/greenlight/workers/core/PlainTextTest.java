package dev.greenlight.workers.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.workers.core.DeploymentInput.ImageRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlainTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            orders 1.4.2: rolled back — Greenlight.AlarmFired | orders 1.4.2: rolled back - Greenlight.AlarmFired
            '  two\nlines  '                                  | two lines
            café 1.0: deployed                                | caf? 1.0: deployed
            """)
    void subject_isOneLineOfPrintableAscii(String text, String subject) {
        assertThat(PlainText.subject(text.replace("\\n", "\n"))).isEqualTo(subject);
    }

    @Test
    void subject_longerThanSnsAllows_isCutWithAnEllipsis() {
        String subject = PlainText.subject("x".repeat(150));

        assertThat(subject).hasSize(99).endsWith("xxx...");
    }

    @Test
    void release_namesTheTagOrElseTheDigest() {
        assertThat(PlainText.release("orders", new ImageRef("orders", "1.4.2", "sha256:abc"))).isEqualTo("orders 1.4.2");
        assertThat(PlainText.release("orders", new ImageRef("orders", null, "sha256:4f53cda18c2baa0c0354")))
                .isEqualTo("orders @4f53cda18c2b");
    }

    @Test
    void readable_indentsObjectsAndListsAsAPersonReadsThem() throws Exception {
        String text = PlainText.readable(Worker.JSON.readTree("""
                {"a": 1, "b": {"c": "x", "d": null}, "e": [1, {"f": true, "g": []}], "h": {}}"""));

        assertThat(text).isEqualTo("""
                a: 1
                b:
                  c: x
                  d: none
                e:
                  - 1
                  - f: true
                    g: []
                h: {}
                """);
    }
}
