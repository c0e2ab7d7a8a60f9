package dev.greenlight.local.asl.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.util.Random;
import java.util.random.RandomGenerator;

/** The intrinsics for math operations, States.MathRandom and States.MathAdd, on 32-bit integers as AWS specifies. */
final class MathFunctions {

    private MathFunctions() {
    }

    /**
     * AWS: "a random number between the specified start number (inclusive) and end number
     * (exclusive)"; "if you use this function with the same seed value, it will return identical
     * numbers", so a seed gets its own generator.
     */
    static JsonNode random(Arguments arguments, RandomGenerator random) {
        int start = arguments.integer(0, "start number");
        int end = arguments.integer(1, "end number");
        if (start >= end) {
            throw arguments.invalid("the start number must be less than the end number, but they are " + start
                    + " and " + end + ".");
        }
        RandomGenerator generator = arguments.size() == 3 ? new Random(arguments.integer(2, "seed")) : random;
        return IntNode.valueOf(generator.nextInt(start, end));
    }

    /** Two 32-bit integers can sum past 32 bits; the sum is kept exact. */
    static JsonNode add(Arguments arguments) {
        long sum = (long) arguments.integer(0, "first number") + arguments.integer(1, "second number");
        return sum == (int) sum ? IntNode.valueOf((int) sum) : LongNode.valueOf(sum);
    }
}
