package dev.greenlight.local.aws.ecs;

/**
 * Port to the fleet: runs a task's containers. Implemented by the fleet, which starts a real
 * HTTP server of the sample app from the image; tests use a small fake.
 *
 * <p>The launcher may answer on any thread and at any later time; the twin moves every answer
 * onto the clock before it changes state.
 */
public interface TaskLauncher {

    /** Starts one container; reports exactly once through {@code listener} that it runs, exited or failed to start. */
    void start(ContainerLaunch launch, ContainerListener listener);

    /** Stops a container started by {@link #start}; stopping one that already exited does nothing. */
    void stop(String taskArn, String containerName);

    /**
     * What the fleet needs to start a container: {@code platform} is the task's runtime platform as
     * an image config names it ({@code linux/amd64}); {@code commandGiven} whether the container
     * definition sets a command or entry point, which then need not come from the image.
     */
    record ContainerLaunch(String taskArn, String containerName, String image, Integer containerPort,
            java.util.Map<String, String> environment, String platform, boolean commandGiven) {
    }

    /** Where a running container answers. */
    record ContainerAddress(String host, int port) {
    }

    /** The fleet's answers about one container. */
    interface ContainerListener {

        /** The container runs and answers at {@code address}. */
        void running(ContainerAddress address);

        /** The container exited, at start (a crash) or later; {@code reason} as Docker words it. */
        void exited(int exitCode, String reason);

        /**
         * The container never started (its image could not be pulled): the task stops with
         * {@code TaskFailedToStart} and {@code reason} as ECS words it, e.g. {@code CannotPullContainerError: …}.
         */
        void failedToStart(String reason);
    }
}
