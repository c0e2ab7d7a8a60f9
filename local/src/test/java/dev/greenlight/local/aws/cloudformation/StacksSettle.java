package dev.greenlight.local.aws.cloudformation;

import dev.greenlight.local.clock.VirtualClock;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;

/**
 * A CloudFormation client for tests that read a stack operation's outcome right after starting it:
 * after each call that starts one, it runs the virtual clock until no stack is in progress (as a
 * caller polling DescribeStacks waits), for at most a virtual day.
 */
public final class StacksSettle {

    private static final Set<String> STARTS_OPERATION = Set.of("createStack", "updateStack", "deleteStack",
            "executeChangeSet", "cancelUpdateStack");
    private static final Duration AT_MOST = Duration.ofDays(1);

    private StacksSettle() {
    }

    public static CloudFormationClient after(VirtualClock clock, CloudFormationClient twin) {
        return (CloudFormationClient) Proxy.newProxyInstance(StacksSettle.class.getClassLoader(),
                new Class<?>[] {CloudFormationClient.class}, (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(twin, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (STARTS_OPERATION.contains(method.getName())) {
                        settle(clock, twin);
                    }
                    return result;
                });
    }

    public static void settle(VirtualClock clock, CloudFormationClient twin) {
        Instant deadline = clock.now().plus(AT_MOST);
        clock.runUntil(() -> clock.now().isAfter(deadline) || twin.listStacks(r -> { }).stackSummaries().stream()
                .noneMatch(s -> s.stackStatusAsString().endsWith("_IN_PROGRESS")
                        && !s.stackStatusAsString().equals("REVIEW_IN_PROGRESS")));
    }
}
