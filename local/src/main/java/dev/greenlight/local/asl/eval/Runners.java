package dev.greenlight.local.asl.eval;

import dev.greenlight.local.asl.component.ChoiceState;
import dev.greenlight.local.asl.component.FailState;
import dev.greenlight.local.asl.component.MapState;
import dev.greenlight.local.asl.component.ParallelState;
import dev.greenlight.local.asl.component.PassState;
import dev.greenlight.local.asl.component.State;
import dev.greenlight.local.asl.component.SucceedState;
import dev.greenlight.local.asl.component.TaskState;
import dev.greenlight.local.asl.component.WaitState;
import java.util.concurrent.CompletableFuture;

/** One runner per state type, and the dispatch from a state to its runner. */
final class Runners {

    private final PassRunner pass;
    private final TaskRunner task;
    private final ChoiceRunner choice;
    private final WaitRunner waitRunner;
    private final EndRunner end;
    private final ParallelRunner parallel;
    private final MapRunner map;

    Runners(Engine engine, ProgramRunner programs) {
        this.pass = new PassRunner(engine);
        this.task = new TaskRunner(engine);
        this.choice = new ChoiceRunner(engine);
        this.waitRunner = new WaitRunner(engine);
        this.end = new EndRunner(engine);
        this.parallel = new ParallelRunner(engine, programs);
        this.map = new MapRunner(engine, programs);
    }

    CompletableFuture<Outcome> run(State state, StateContext context) {
        if (state instanceof PassState s) {
            return pass.run(s, context);
        } else if (state instanceof TaskState s) {
            return task.run(s, context);
        } else if (state instanceof ChoiceState s) {
            return choice.run(s, context);
        } else if (state instanceof WaitState s) {
            return waitRunner.run(s, context);
        } else if (state instanceof SucceedState s) {
            return end.succeed(s, context);
        } else if (state instanceof FailState s) {
            return end.fail(s, context);
        } else if (state instanceof ParallelState s) {
            return parallel.run(s, context);
        } else if (state instanceof MapState s) {
            return map.run(s, context);
        }
        throw new IllegalStateException("no runner for " + state.type());
    }
}
