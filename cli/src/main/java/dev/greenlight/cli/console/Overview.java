package dev.greenlight.cli.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.cli.aws.Aws;
import dev.greenlight.workers.config.GreenlightConfig;
import dev.greenlight.workers.core.Worker;
import dev.greenlight.workers.pipeline.RecentExecutions;
import dev.greenlight.workers.pipeline.RecentExecutions.Row;
import java.util.List;
import java.util.TreeSet;

/**
 * The console's first page as JSON: the services (the configuration's, and any an execution names)
 * and the recent executions, filtered by service and outcome (the execution's status).
 */
final class Overview {

    /** The page lists this many: a screenful of releases. */
    static final int SHOWN = 50;

    private Overview() {
    }

    /**
     * @param config  the configuration the console knows, or null
     * @param service only this service's executions, or null for all
     * @param outcome only executions with this status (RUNNING, SUCCEEDED, FAILED, …), or null for all
     */
    static ObjectNode of(Aws aws, GreenlightConfig config, String service, String outcome) {
        List<Row> rows = RecentExecutions.list(aws.sfn(), aws.stateMachineArn(), SHOWN,
                row -> (service == null || service.equals(row.service()))
                        && (outcome == null || outcome.equals(row.status())));
        TreeSet<String> services = new TreeSet<>();
        if (config != null) {
            services.addAll(config.services().keySet());
        }
        rows.forEach(row -> services.add(row.service()));
        ObjectNode overview = Worker.JSON.createObjectNode().put("where", aws.where());
        ArrayNode names = overview.putArray("services");
        services.forEach(names::add);
        ArrayNode executions = overview.putArray("executions");
        for (Row row : rows) {
            executions.addObject().put("name", row.name()).put("status", row.status())
                    .put("started", row.started().toString())
                    .put("stopped", row.stopped() == null ? null : row.stopped().toString())
                    .put("service", row.service()).put("image", row.image()).put("error", row.error());
        }
        return overview;
    }
}
