/**
 * Cost models: the latency of a layer on an accelerator engine. {@link org.terastal.costmodel.CostModel}
 * is the contract and fills latency tables, {@link org.terastal.costmodel.AnalyticalCostModel} the
 * built-in MAESTRO-like model, and {@link org.terastal.costmodel.Calibration} measures how well a model
 * agrees with reference figures such as MAESTRO's.
 */
package org.terastal.costmodel;
