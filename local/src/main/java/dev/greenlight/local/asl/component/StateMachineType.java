package dev.greenlight.local.asl.component;

/** STANDARD or EXPRESS; an EXPRESS execution ends after five minutes and cannot wait for a task token. */
public enum StateMachineType {
    STANDARD, EXPRESS
}
