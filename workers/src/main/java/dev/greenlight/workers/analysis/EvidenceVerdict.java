package dev.greenlight.workers.analysis;

/** What the evidence of a window says about green. */
public enum EvidenceVerdict {
    /** Enough requests, errors and latency within the limits: green may be promoted. */
    PASS,
    /** Green is significantly worse than blue (or than the limit): roll back. */
    FAIL,
    /** Too few requests to judge: keep gathering until the deadline, then roll back. */
    INSUFFICIENT_EVIDENCE
}
