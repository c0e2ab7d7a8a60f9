package dev.greenlight.local.twin;

import dev.greenlight.local.aws.ecs.TaskLauncher;
import dev.greenlight.local.fleet.AppCrashedException;
import dev.greenlight.local.fleet.AppProfile;
import dev.greenlight.local.fleet.Endpoint;
import dev.greenlight.local.fleet.Fleet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** ECS tasks run on the fleet: each container is the sample app its image describes. */
final class FleetTaskLauncher implements TaskLauncher {

    private final Fleet fleet;
    private final ImageProfiles images;
    private final Map<String, Endpoint> running = new ConcurrentHashMap<>();

    FleetTaskLauncher(Fleet fleet, ImageProfiles images) {
        this.fleet = fleet;
        this.images = images;
    }

    @Override
    public void start(ContainerLaunch launch, ContainerListener listener) {
        ImageProfiles.Outcome pulled = images.pull(launch.image(), launch.platform(), launch.commandGiven());
        if (pulled instanceof ImageProfiles.CannotPull cannot) {
            listener.failedToStart(cannot.reason());
        } else if (pulled instanceof ImageProfiles.ExitsAtStart exits) {
            listener.exited(1, exits.reason());
        } else if (pulled instanceof ImageProfiles.Runs runs) {
            run(launch, runs.profile(), listener);
        }
    }

    private void run(ContainerLaunch launch, AppProfile profile, ContainerListener listener) {
        try {
            Endpoint endpoint = fleet.startApp(profile);
            running.put(key(launch.taskArn(), launch.containerName()), endpoint);
            listener.running(new ContainerAddress(endpoint.host(), endpoint.port()));
        } catch (AppCrashedException e) {
            listener.exited(1, e.getMessage());
        }
    }

    @Override
    public void stop(String taskArn, String containerName) {
        Endpoint endpoint = running.remove(key(taskArn, containerName));
        if (endpoint != null) {
            fleet.stopApp(endpoint);
        }
    }

    private static String key(String taskArn, String containerName) {
        return taskArn + "/" + containerName;
    }
}
