package dev.greenlight.local.asl.component;

/** The two query languages of ASL; a state inherits the machine's unless it names its own. */
public enum QueryLanguage {
    JSONPath,
    JSONata
}
