package dev.greenlight.local.aws.ecs;

import java.util.Locale;
import java.util.OptionalInt;

/**
 * The task sizes Fargate offers (developer guide, "Task CPU and memory"): each CPU value allows a
 * range of memory in fixed steps; Windows tasks start at 1 vCPU.
 */
final class FargateSize {

    private record Row(int cpu, int minMemory, int maxMemory, int step) {
        boolean allows(int memory) {
            return memory >= minMemory && memory <= maxMemory && (memory - minMemory) % step == 0;
        }
    }

    private static final Row[] ROWS = {
        new Row(256, 512, 512, 1), new Row(256, 1024, 2048, 1024),
        new Row(512, 1024, 4096, 1024),
        new Row(1024, 2048, 8192, 1024),
        new Row(2048, 4096, 16384, 1024),
        new Row(4096, 8192, 30720, 1024),
        new Row(8192, 16384, 61440, 4096),
        new Row(16384, 32768, 122880, 8192),
    };

    private FargateSize() {
    }

    static boolean offered(int cpu, int memory, boolean windows) {
        if (windows && cpu < 1024) {
            return false;
        }
        for (Row row : ROWS) {
            if (row.cpu == cpu && row.allows(memory)) {
                return true;
            }
        }
        return false;
    }

    /** CPU units from {@code "1024"} or {@code "1 vCPU"}; empty when unreadable. */
    static OptionalInt cpuUnits(String value) {
        return units(value, "VCPU", 1024);
    }

    /** MiB from {@code "2048"} or {@code "2 GB"}; empty when unreadable. */
    static OptionalInt memoryMiB(String value) {
        return units(value, "GB", 1024);
    }

    private static OptionalInt units(String value, String suffix, int perUnit) {
        String text = value.trim().toUpperCase(Locale.ROOT).replace(" ", "");
        try {
            if (text.endsWith(suffix)) {
                double amount = Double.parseDouble(text.substring(0, text.length() - suffix.length()));
                return OptionalInt.of((int) Math.round(amount * perUnit));
            }
            return OptionalInt.of(Integer.parseInt(text));
        } catch (NumberFormatException unreadable) {
            return OptionalInt.empty();
        }
    }
}
