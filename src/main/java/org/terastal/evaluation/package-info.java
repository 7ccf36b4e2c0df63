/**
 * Statistics over suites of random task sets: per load and averaged over a load range, the mean
 * per-model deadline-miss rate with a bootstrap confidence interval over sets, the schedulability
 * ratio, the worst-model miss rate, the accuracy loss, and paired per-set comparisons of Terastal
 * against every baseline. Computed from the runs of a sweep ({@code org.terastal.sim.RunResult});
 * written as tidy CSV and a text report.
 */
package org.terastal.evaluation;
