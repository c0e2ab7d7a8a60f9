package dev.greenlight.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.greenlight.local.asl.Json;
import dev.greenlight.local.asl.StatesException;
import dev.greenlight.local.asl.component.DataFlow;
import dev.greenlight.local.asl.component.ParallelState;
import dev.greenlight.local.asl.component.Program;
import dev.greenlight.local.asl.component.QueryLanguage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Parallel: every branch on the same input; the first branch to fail fails the state and stops the rest. */
final class ParallelRunner implements StateRunner<ParallelState> {

    private final Engine engine;
    private final ProgramRunner programs;

    ParallelRunner(Engine engine, ProgramRunner programs) {
        this.engine = engine;
        this.programs = programs;
    }

    @Override
    public CompletableFuture<Outcome> run(ParallelState state, StateContext context) {
        StateData data = engine.data(state.dataFlow().language());
        return Recovery.run(context, state.errorHandling(), data, () -> attempt(state, context, data));
    }

    private CompletableFuture<Outcome> attempt(ParallelState state, StateContext context, StateData data) {
        DataFlow flow = state.dataFlow();
        JsonNode input = data.effectiveInput(context,
                flow.language() == QueryLanguage.JSONata ? flow.arguments() : flow.parameters());
        context.scope.event("ParallelStateStarted", null, null);
        List<Scope> scopes = new ArrayList<>();
        List<CompletableFuture<JsonNode>> branches = new ArrayList<>();
        context.scope.opened(scopes);
        RedrivePoint redrive = context.takeRedrive();
        for (Program branch : state.branches()) {
            Scope scope = context.scope.child();
            RedrivePoint.Branch earlier = redrive == null ? null : redrive.branch(scopes.size());
            scopes.add(scope);
            branches.add(Redrives.run(earlier, scope, () -> programs.run(branch, input, scope)));
        }
        CompletableFuture<Outcome> done = new CompletableFuture<>();
        for (CompletableFuture<JsonNode> branch : branches) {
            Scope scope = scopes.get(branches.indexOf(branch));
            branch.whenComplete((ignored, thrown) -> {
                if (thrown != null && !done.isDone()) {
                    scopes.forEach(Scope::cancel);
                    context.scope.thread.lastEventId = scope.thread.lastEventId;
                    StatesException failure = Recovery.unwrap(thrown);
                    context.scope.event("ParallelStateFailed", null, null);
                    done.completeExceptionally(failure);
                }
            });
        }
        CompletableFuture.allOf(branches.toArray(CompletableFuture[]::new)).thenRun(() -> {
            ArrayNode results = Json.NODES.arrayNode();
            branches.forEach(branch -> results.add(branch.join()));
            // ParallelStateSucceeded follows the last event of the branch that finished last.
            context.scope.thread.lastEventId = scopes.stream().mapToLong(scope -> scope.thread.lastEventId).max()
                    .orElse(context.scope.thread.lastEventId);
            context.scope.event("ParallelStateSucceeded", null, null);
            try {
                done.complete(new Outcome(data.output(context, input, results, flow.output(), flow.assign()),
                        state.transition().next()));
            } catch (StatesException e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }
}
