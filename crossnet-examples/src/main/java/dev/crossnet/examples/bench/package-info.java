/**
 * Micro-benchmarks run from the command line; each prints a small table of its measurements.
 */
package dev.crossnet.examples.bench;
