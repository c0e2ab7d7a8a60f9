package dev.greenlight.cli.local;

import dev.greenlight.local.twin.DemoService;
import dev.greenlight.local.twin.LocalTwin;
import dev.greenlight.statemachine.twin.PipelineOnTwin;
import dev.greenlight.statemachine.twin.TwinServiceConfig;
import dev.greenlight.workers.config.GreenlightConfig;
import dev.greenlight.workers.config.ServiceConfig.Analysis;
import dev.greenlight.workers.config.ServiceConfig.ApprovalMode;
import dev.greenlight.workers.config.ServiceConfig.Backend;
import dev.greenlight.workers.config.ServiceConfig.Canary;
import dev.greenlight.workers.config.ServiceConfig.SyntheticLoad;
import java.util.List;
import java.util.Map;

/**
 * The pipeline deployed onto a twin for the demo service, with windows short enough to watch in real
 * time and evidence whether or not anyone uses the service: a 10 % canary of two minutes (the
 * 60-second alarms see a whole period of it, once the load balancer has published it) with synthetic
 * load on green through the test listener and the canary analysis of green against blue, then a
 * one-minute bake. {@code local up} and {@code greenlight demo} both deploy with {@link #CANARY}.
 *
 * @param config          the configuration the pipeline's trigger reads, as {@code greenlight.json} would be
 * @param stateMachineArn the pipeline in the Step Functions twin
 */
public record TwinPipeline(GreenlightConfig config, String stateMachineArn) {

    /**
     * 10 % of production on green for two minutes, the shortest canary Preflight lets through for the
     * 60-second alarms (Period + 60 s for the load balancer to publish); the share is held no longer
     * (maxMinutes = minutes) because synthetic load gives green 300 requests a minute, above
     * minRequests (100), with or without users.
     */
    public static final SyntheticLoad SYNTHETIC_LOAD = new SyntheticLoad(5, List.of("/"), 200);
    public static final Canary CANARY = new Canary(10, 2, 2, 100, Analysis.DEFAULT, SYNTHETIC_LOAD);
    public static final int BAKE_MINUTES = 1;

    /** @param virtualTime whether the twin runs in virtual time (tests) rather than on the wall clock */
    public static TwinPipeline deploy(LocalTwin twin, DemoService service, ApprovalMode approval, boolean virtualTime) {
        return deploy(twin, service, approval, virtualTime, Backend.codedeploy);
    }

    /** @param backend who deploys {@code service}: its CodeDeploy deployment group, or ECS blue/green itself */
    public static TwinPipeline deploy(LocalTwin twin, DemoService service, ApprovalMode approval, boolean virtualTime,
            Backend backend) {
        GreenlightConfig config = new GreenlightConfig(Map.of(service.name(),
                TwinServiceConfig.of(twin, service, approval, CANARY, BAKE_MINUTES).withBackend(backend)));
        return new TwinPipeline(config, PipelineOnTwin.deploy(twin, config, virtualTime).stateMachineArn());
    }
}
