package dev.greenlight.local.asl.component;

/** Where a state goes when it is done: the state named {@code next}, or the end when null. */
public record Transition(String next) {

    public static final Transition END = new Transition(null);

    public boolean isEnd() {
        return next == null;
    }
}
