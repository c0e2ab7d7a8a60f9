package dev.greenlight.local.aws.ecs;

import dev.greenlight.local.aws.ecs.TaskLauncher.ContainerAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A fleet and load balancer in miniature: images tagged {@code :crash} exit at start with code 1,
 * any other image runs on its own loopback port; target groups are sets of addresses.
 */
final class FakeFleet implements TaskLauncher, TargetRegistry {

    final List<ContainerLaunch> started = new ArrayList<>();
    final List<String> stopped = new ArrayList<>();
    final Set<String> registered = new LinkedHashSet<>();
    private int nextPort = 20000;

    @Override
    public void start(ContainerLaunch launch, ContainerListener listener) {
        started.add(launch);
        if (launch.image().endsWith(":crash")) {
            listener.exited(1, "app exited: panic at startup");
        } else {
            listener.running(new ContainerAddress("127.0.0.1", nextPort++));
        }
    }

    @Override
    public void stop(String taskArn, String containerName) {
        stopped.add(taskArn + "/" + containerName);
    }

    @Override
    public void register(String targetGroupArn, ContainerAddress target) {
        registered.add(targetGroupArn + " " + target.host() + ":" + target.port());
    }

    @Override
    public void deregister(String targetGroupArn, ContainerAddress target) {
        registered.remove(targetGroupArn + " " + target.host() + ":" + target.port());
    }

    long registeredIn(String targetGroupArn) {
        return registered.stream().filter(entry -> entry.startsWith(targetGroupArn + " ")).count();
    }
}
