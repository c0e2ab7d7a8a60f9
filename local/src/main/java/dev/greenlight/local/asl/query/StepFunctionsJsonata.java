package dev.greenlight.local.asl.query;

import com.dashjoin.jsonata.Jsonata.JFunction;
import com.dashjoin.jsonata.Jsonata.JFunctionCallable;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.local.asl.intrinsics.HashFunction;
import dev.greenlight.local.asl.intrinsics.UuidFunction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The functions Step Functions adds to JSONata (developer guide, "Transforming data with JSONata in
 * Step Functions", section "JSONata functions provided by Step Functions"): {@code $partition},
 * {@code $range}, {@code $hash}, {@code $random} (which, unlike JSONata's, takes a seed),
 * {@code $uuid} and {@code $parse}. They follow the intrinsic functions they replace
 * (States.ArrayPartition, States.ArrayRange, States.Hash, States.MathRandom, States.UUID,
 * States.StringToJson).
 *
 * <p>AWS does not publish the messages these functions fail with, nor the generator behind a seeded
 * {@code $random}: the messages here are ours, and a seed gives the same number on every run, not
 * AWS's number.
 */
final class StepFunctionsJsonata {

    private StepFunctionsJsonata() {
    }

    /**
     * The six functions, and $eval hidden, to bind into each evaluation's frame; {@code random} serves unseeded
     * draws. Made once per engine: they hold no state of an evaluation.
     */
    static Map<String, Object> functions(RandomGenerator random, ObjectMapper plain) {
        Map<String, Object> functions = new LinkedHashMap<>();
        functions.put("partition", function((input, args) -> partition(args)));
        functions.put("range", function((input, args) -> range(args)));
        functions.put("hash", function((input, args) -> hash(args)));
        functions.put("random", function((input, args) -> random(args, random)));
        functions.put("uuid", function((input, args) -> UuidFunction.uuid(random).textValue()));
        functions.put("parse", function((input, args) -> parse(args, plain)));
        // "$eval is not available; use $parse instead": calling it fails as calling any unknown function does.
        functions.put("eval", null);
        return Collections.unmodifiableMap(functions);
    }

    private static JFunction function(JFunctionCallable callable) {
        return new JFunction(callable, null);
    }

    /** $partition(array, chunkSize): the array in chunks of chunkSize, the last one possibly shorter. */
    private static List<List<Object>> partition(List<?> args) {
        List<?> array = array(args, 0, "$partition");
        long size = integer(args, 1, "$partition", "chunk size");
        if (size <= 0) {
            throw new IllegalArgumentException("$partition: the chunk size must be a positive integer, but it is "
                    + size + ".");
        }
        List<List<Object>> chunks = new ArrayList<>();
        for (int i = 0; i < array.size(); i += (int) size) {
            chunks.add(new ArrayList<>(array.subList(i, (int) Math.min(array.size(), i + size))));
        }
        return chunks;
    }

    /** $range(start, end, step): start, start + step, ... up to and including end, as the guide's example shows. */
    private static List<Number> range(List<?> args) {
        long first = integer(args, 0, "$range", "start");
        long last = integer(args, 1, "$range", "end");
        long step = integer(args, 2, "$range", "step");
        if (step == 0) {
            throw new IllegalArgumentException("$range: the step must not be zero.");
        }
        List<Number> values = new ArrayList<>();
        for (long value = first; step > 0 ? value <= last : value >= last; value += step) {
            values.add(number(value));
        }
        return values;
    }

    /** An int where it fits, as JSONata's own numbers are, so that results compare equal to literals. */
    private static Number number(long value) {
        if (value == (int) value) {
            return (int) value;
        }
        return value;
    }

    /** $hash(data, algorithm): the lowercase hexadecimal digest; MD5, SHA-1, SHA-256, SHA-384 or SHA-512. */
    private static String hash(List<?> args) {
        if (args.size() < 2 || !(args.get(0) instanceof String data) || !(args.get(1) instanceof String algorithm)) {
            throw new IllegalArgumentException("$hash takes the data and the algorithm, both strings.");
        }
        if (!HashFunction.ALGORITHMS.contains(algorithm)) {
            throw new IllegalArgumentException("$hash: the algorithm must be one of "
                    + String.join(", ", HashFunction.ALGORITHMS) + ", but it is \"" + algorithm + "\".");
        }
        return HashFunction.hex(data, algorithm);
    }

    /** $random() or $random(seed): a number from 0 (included) to 1 (excluded); one seed, one number. */
    private static double random(List<?> args, RandomGenerator random) {
        if (args.isEmpty() || args.get(0) == null) {
            return random.nextDouble();
        }
        return new SplittableRandom(integer(args, 0, "$random", "seed")).nextDouble();
    }

    /** $parse(text): the JSON value a string holds (JSONata's $eval is not available in Step Functions). */
    private static Object parse(List<?> args, ObjectMapper plain) {
        if (args.isEmpty() || !(args.get(0) instanceof String text)) {
            throw new IllegalArgumentException("$parse takes a string that holds JSON.");
        }
        try {
            return plain.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("$parse: the string is not valid JSON: "
                    + e.getOriginalMessage());
        }
    }

    private static List<?> array(List<?> args, int index, String function) {
        if (args.size() <= index || !(args.get(index) instanceof List<?> list)) {
            throw new IllegalArgumentException(function + ": argument " + (index + 1) + " must be an array.");
        }
        return list;
    }

    private static long integer(List<?> args, int index, String function, String what) {
        if (args.size() <= index || !(args.get(index) instanceof Number number)
                || number.doubleValue() != Math.rint(number.doubleValue())) {
            throw new IllegalArgumentException(function + ": the " + what + " must be an integer.");
        }
        return number.longValue();
    }
}
