package dev.greenlight.local.aws.ecs;

import dev.greenlight.local.aws.ecs.TaskLauncher.ContainerAddress;

/** One container of a task as the fleet reported it; {@code address} once it runs. */
record ContainerState(String name, String image, boolean essential, Integer containerPort, String lastStatus,
        Integer exitCode, String reason, ContainerAddress address) {

    static ContainerState pending(String name, String image, boolean essential, Integer containerPort) {
        return new ContainerState(name, image, essential, containerPort, TaskStatus.PENDING, null, null, null);
    }

    boolean stopped() {
        return TaskStatus.STOPPED.equals(lastStatus);
    }

    ContainerState running(ContainerAddress at) {
        return new ContainerState(name, image, essential, containerPort, TaskStatus.RUNNING, null, null, at);
    }

    ContainerState exited(Integer code, String why) {
        return new ContainerState(name, image, essential, containerPort, TaskStatus.STOPPED, code, why, address);
    }
}
