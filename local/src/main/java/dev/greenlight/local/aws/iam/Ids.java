package dev.greenlight.local.aws.iam;

import java.util.random.RandomGenerator;

/** IAM unique ids: a four-letter prefix by kind ({@code AROA} roles, {@code ANPA} policies) and 17 characters. */
final class Ids {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private final RandomGenerator random;

    Ids(RandomGenerator random) {
        this.random = random;
    }

    synchronized String next(String prefix) {
        StringBuilder id = new StringBuilder(prefix);
        for (int i = 0; i < 17; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
