package org.terastal.sim;

import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;

/** Makes a fresh scheduler for one run, for the instance as it will be simulated (after load scaling). */
@FunctionalInterface
public interface SchedulerFactory {
    Scheduler create(Instance instance, LatencyTable latency);
}
