/**
 * Random workload suites: many task sets drawn from a pool of models for the statistical
 * evaluation of schedulers. {@link org.terastal.scenario.suite.SuiteGenerator} draws each set
 * with UUniFast-discard (Bini and Buttazzo, "Measuring the performance of schedulability tests",
 * Real-Time Systems 30(1-2), 2005) and scales its rates to a target fastest-engine load of the
 * busiest engine; {@link org.terastal.scenario.suite.SuiteManifest} is the {@code terastal-suite/1}
 * manifest, and {@link org.terastal.scenario.suite.Suites} writes a suite folder through the io helpers.
 * Pure code: no command line, and file I/O only through {@code org.terastal.io}.
 */
package org.terastal.scenario.suite;
