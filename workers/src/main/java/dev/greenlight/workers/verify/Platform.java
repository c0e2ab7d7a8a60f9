package dev.greenlight.workers.verify;

import software.amazon.awssdk.services.ecs.model.RuntimePlatform;

/**
 * An OS and CPU architecture as OCI image configs name them ({@code linux/amd64}). ECS's
 * {@code runtimePlatform} says {@code LINUX}/{@code X86_64}; absent, a task runs on linux/amd64.
 */
public record Platform(String os, String architecture) {

    public static final Platform LINUX_AMD64 = new Platform("linux", "amd64");

    /** What a task definition's {@code runtimePlatform} asks for. */
    public static Platform of(RuntimePlatform runtime) {
        if (runtime == null) {
            return LINUX_AMD64;
        }
        String family = runtime.operatingSystemFamilyAsString();
        String cpu = runtime.cpuArchitectureAsString();
        String os = family == null || family.equals("LINUX") ? "linux"
                : family.startsWith("WINDOWS") ? "windows" : family.toLowerCase(java.util.Locale.ROOT);
        String architecture = cpu == null || cpu.equals("X86_64") ? "amd64"
                : cpu.equals("ARM64") ? "arm64" : cpu.toLowerCase(java.util.Locale.ROOT);
        return new Platform(os, architecture);
    }

    @Override
    public String toString() {
        return os + "/" + architecture;
    }
}
