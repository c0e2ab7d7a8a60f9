package dev.greenlight.cli.local;

import dev.greenlight.local.twin.DemoService;
import dev.greenlight.local.twin.LocalTwin;
import dev.greenlight.statemachine.twin.PipelineOnTwin;
import dev.greenlight.statemachine.twin.TwinServiceConfig;
import dev.greenlight.workers.config.GreenlightConfig;
import dev.greenlight.workers.config.ServiceConfig.ApprovalMode;
import dev.greenlight.workers.config.ServiceConfig.Analysis;
import dev.greenlight.workers.config.ServiceConfig.Canary;
import java.util.Map;

/**
 * The pipeline deployed onto a twin for the demo service, with windows short enough to watch in real
 * time: a 10 % canary for one minute, then a one-minute bake.
 *
 * @param config          the configuration the pipeline's trigger reads, as {@code greenlight.json} would be
 * @param stateMachineArn the pipeline in the Step Functions twin
 */
public record TwinPipeline(GreenlightConfig config, String stateMachineArn) {

    /** The shortest canary Preflight lets through for the 60-second alarms; evidence is due when it ends. */
    static final Canary CANARY = new Canary(10, 2, 2, 100, Analysis.DEFAULT, null);
    static final int BAKE_MINUTES = 1;

    /** @param virtualTime whether the twin runs in virtual time (tests) rather than on the wall clock */
    public static TwinPipeline deploy(LocalTwin twin, DemoService service, ApprovalMode approval, boolean virtualTime) {
        GreenlightConfig config = new GreenlightConfig(Map.of(service.name(),
                TwinServiceConfig.of(twin, service, approval, CANARY, BAKE_MINUTES)));
        return new TwinPipeline(config, PipelineOnTwin.deploy(twin, config, virtualTime).stateMachineArn());
    }
}
