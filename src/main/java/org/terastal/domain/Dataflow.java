package org.terastal.domain;

/** The dataflow of an accelerator engine, named as in MAESTRO and XRBench. */
public enum Dataflow {
    /** Weight stationary, NVDLA-like. */
    WS,
    /** Output stationary, ShiDianNao-like. */
    OS,
    /** Row stationary, Eyeriss-like. */
    RS
}
