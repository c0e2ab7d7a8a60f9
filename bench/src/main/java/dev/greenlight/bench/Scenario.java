package dev.greenlight.bench;

/** One thing to measure: a round does a fixed amount of work and checks that it came out right. */
interface Scenario {

    /** The row's label in the table. */
    String name();

    /** What one operation is ("iteration", "item", "execution"). */
    String unit();

    /**
     * Does the work once.
     *
     * @throws WrongResultException when the work did not produce what it should
     */
    Round run();

    /** What a round did: operations of {@link #unit()} and the state transitions they took. */
    record Round(long operations, long transitions) {
    }
}
