package dev.greenlight.local.asl.eval;

/** STANDARD or EXPRESS; an EXPRESS execution ends after five minutes and cannot wait for a task token. */
public enum ExecutionType {
    STANDARD, EXPRESS
}
