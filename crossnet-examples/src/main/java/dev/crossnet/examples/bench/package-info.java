/**
 * Stand-alone benchmark programs (plain {@code main} methods, not JMH: they time whole loops with their native
 * calls); each prints a small table of its measurements, and the README records the figures.
 */
package dev.crossnet.examples.bench;
