package dev.greenlight.local.gateway;

/** A request routed to a service, naming the operation it asks for (which may not exist). */
record Call(ServiceModel service, String operationName) {
}
