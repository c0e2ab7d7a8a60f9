package dev.greenlight.local.gateway;

/** How AWS names an exception on the wire: its error code and the HTTP status it comes with. */
record ModeledError(String code, int status) {
}
