package dev.greenlight.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/** {@code local up} in its own JVM, stopped as a service manager or {@code kill} stops it. */
class LocalUpSigtermTest {

    @TempDir
    Path home;

    @RepeatedTest(2)
    void sigtermStopsTheTwinCleanly() throws Exception {
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dgreenlight.home=" + home,
                "dev.greenlight.cli.Greenlight", "local", "up", "--empty", "--port", "0")).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            StringBuilder printed = new StringBuilder();
            for (String line = out.readLine(); line != null && !line.startsWith("Press Ctrl-C"); line = out.readLine()) {
                printed.append(line).append('\n');
            }
            assertThat(printed).contains("AWS endpoint:");

            // Not Process.destroy(): it closes this side's pipes, and what the twin prints on stopping is the point.
            new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor();

            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(out.readLine()).isEqualTo("The twin has stopped.");
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(err).doesNotContain("Exception").doesNotContain("This is a bug");
            assertThat(process.exitValue()).as("128 + SIGTERM, as the JVM exits on a signal").isEqualTo(143);
            assertThat(home.resolve("twin.json")).as("the address file is removed").doesNotExist();
        } finally {
            process.destroyForcibly();
        }
    }
}
