package dev.greenlight.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.component.StateMachine;
import dev.greenlight.local.asl.eval.Engine;
import dev.greenlight.local.asl.eval.Execution;
import dev.greenlight.local.asl.eval.StartRequest;
import dev.greenlight.local.asl.parse.DefinitionParser;
import dev.greenlight.local.aws.iam.IamTwin;
import dev.greenlight.local.aws.sts.StsTwin;
import dev.greenlight.local.clock.VirtualClock;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * What a twin left running keeps after many executions and sessions, as heap retained after a full GC: the
 * figures are printed (README, "A twin left running"), and bounded so that a store growing again fails here.
 * Before the stores were bounded the same runs kept 88.6 MB (4.4 KB an execution, most of it held by cancelled
 * timers until their year-long due date) and 5.0 MB (250 bytes a session); now under 1 MB and 0.1 MB.
 */
class LongRunningFootprintTest {

    private static final int EXECUTIONS = 10_000;
    private static final int SESSIONS = 20_000;
    /** A callback task that times out after a minute. */
    private static final StateMachine TIMING_OUT = DefinitionParser.parse("""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
              "Parameters":{"FunctionName":"worker","Payload":{"token.$":"$$.Task.Token"}},
              "TimeoutSeconds":60,"End":true}}}""");
    /** A callback task with no TimeoutSeconds: it waits until its execution ends. */
    private static final StateMachine WAITING = DefinitionParser.parse("""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
              "Parameters":{"FunctionName":"worker","Payload":{"token.$":"$$.Task.Token"}},"End":true}}}""");
    private static final String TRUSTS_ACCOUNT = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
             "Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"sts:AssumeRole"}]}""";

    @Test
    void closedCallbackTasks_leaveLittleOnTheHeap() {
        VirtualClock clock = new VirtualClock();
        Engine engine = new Engine(clock, call -> CompletableFuture.completedFuture(Json.parse("{}")),
                new SplittableRandom(3));
        long before = retained();

        List<String> stopping = new ArrayList<>();
        for (int i = 0; i < EXECUTIONS; i++) {
            engine.start(TIMING_OUT, StartRequest.of("timing-out", null, Json.parse("{}")));
            Execution waiting = engine.start(WAITING, StartRequest.of("stopped", null, Json.parse("{}")));
            stopping.add(waiting.executionArn());
            clock.advance(Duration.ofSeconds(1));
        }
        stopping.forEach(arn -> engine.stop(arn, null, null));
        stopping.clear();
        clock.advance(Duration.ofMinutes(2));

        long kept = retained() - before;
        System.out.printf("[footprint] engine: %,d timed-out + %,d stopped callback executions retain %,d bytes "
                + "(%,d per execution)%n", EXECUTIONS, EXECUTIONS, kept, kept / (2 * EXECUTIONS));
        assertThat(engine).isNotNull();
        assertThat(kept).isLessThan(4_000_000);
    }

    @Test
    void twoWeeksOfStsSessions_leaveLittleOnTheHeap() {
        VirtualClock clock = new VirtualClock();
        IamTwin iam = new IamTwin(clock, new SplittableRandom(1));
        iam.createRole(r -> r.roleName("deployer").assumeRolePolicyDocument(TRUSTS_ACCOUNT));
        StsTwin sts = new StsTwin(clock, iam, new SplittableRandom(2));
        long before = retained();

        for (int i = 0; i < SESSIONS; i++) {
            sts.assumeRole(r -> r.roleArn("arn:aws:iam::123456789012:role/deployer").roleSessionName("release")
                    .durationSeconds(900));
            clock.advance(Duration.ofMinutes(1));
        }

        long kept = retained() - before;
        System.out.printf("[footprint] sts: %,d sessions of 15 minutes, one a minute, retain %,d bytes%n", SESSIONS,
                kept);
        assertThat(sts).isNotNull();
        assertThat(kept).isLessThan(1_000_000);
    }

    private static long retained() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
