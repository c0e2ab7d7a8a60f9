package dev.greenlight.local.aws.ecs;

import java.util.Locale;
import software.amazon.awssdk.services.ecs.model.RuntimePlatform;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * A task definition's runtimePlatform in the words of an image config ({@code os/architecture}):
 * Fargate runs {@code LINUX} on {@code X86_64} when the task definition names neither, as AWS
 * documents.
 */
final class RuntimePlatforms {

    private RuntimePlatforms() {
    }

    static String of(TaskDefinition definition) {
        RuntimePlatform platform = definition.runtimePlatform();
        String family = platform == null || platform.operatingSystemFamilyAsString() == null ? "LINUX"
                : platform.operatingSystemFamilyAsString();
        String cpu = platform == null || platform.cpuArchitectureAsString() == null ? "X86_64"
                : platform.cpuArchitectureAsString();
        String os = family.startsWith("WINDOWS") ? "windows" : family.toLowerCase(Locale.ROOT);
        String architecture = cpu.equals("ARM64") ? "arm64" : "amd64";
        return os + "/" + architecture;
    }
}
