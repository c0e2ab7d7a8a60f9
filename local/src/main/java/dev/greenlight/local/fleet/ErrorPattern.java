package dev.greenlight.local.fleet;

/**
 * Which of an app's requests fail, spread evenly and deterministically: with a share of 10 %,
 * every tenth request fails. Real servers and the model share it, so both modes fail the same
 * requests. The share is kept in basis points so no rounding error moves a failure.
 */
public record ErrorPattern(long basisPoints) {

    private static final long WHOLE = 10_000;

    public static ErrorPattern ofShare(double share) {
        return new ErrorPattern(Math.round(share * WHOLE));
    }

    /** Whether the request numbered {@code index} (from 0) fails. */
    public boolean failsAt(long index) {
        return (index + 1) * basisPoints / WHOLE > index * basisPoints / WHOLE;
    }
}
