package dev.greenlight.bench;

/** A scenario produced the wrong result: its figures would not measure correct work. */
final class WrongResultException extends RuntimeException {

    WrongResultException(String scenario, String message) {
        super(scenario + ": " + message);
    }
}
