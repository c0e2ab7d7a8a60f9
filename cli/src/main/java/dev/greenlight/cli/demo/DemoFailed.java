package dev.greenlight.cli.demo;

/** The demo could not show what it meant to (the twin never got ready, a pipeline never ended): a sentence to print. */
final class DemoFailed extends RuntimeException {

    DemoFailed(String message) {
        super(message);
    }
}
