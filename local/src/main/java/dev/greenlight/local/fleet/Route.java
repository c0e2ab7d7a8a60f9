package dev.greenlight.local.fleet;

/** Where the load balancer sends one request: a target of a target group. */
public record Route(String targetGroupId, Endpoint target) {
}
