package dev.greenlight.statemachine.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.statemachine.twin.PipelineRoles;
import dev.greenlight.workers.config.ServiceConfig.Backend;

/** The roles the scenarios run as: {@link PipelineRoles}' export for {@code orders} on CodeDeploy. */
final class SynthesizedRoles {

    private SynthesizedRoles() {
    }

    static JsonNode export() {
        return PipelineRoles.export(Backend.codedeploy);
    }
}
