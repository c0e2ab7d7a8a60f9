package dev.greenlight.bench;

import dev.greenlight.local.asl.component.StateMachine;
import dev.greenlight.local.asl.parse.DefinitionParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The state machines the scenarios run, from {@code src/main/resources/definitions}. */
final class Definitions {

    private Definitions() {
    }

    static StateMachine load(String fileName) {
        String resource = "/definitions/" + fileName;
        try (InputStream in = Definitions.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no definition on the classpath at " + resource);
            }
            return DefinitionParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("failed to read the definition " + resource, e);
        }
    }
}
