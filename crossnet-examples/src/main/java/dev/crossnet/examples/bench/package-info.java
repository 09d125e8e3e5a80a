/**
 * Micro-benchmarks run from the command line (not JMH: they measure a whole loop with its native calls);
 * each prints a small table of its measurements.
 */
package dev.crossnet.examples.bench;
