/** Stand-alone benchmark programs (plain {@code main} methods) for CrossNet's I/O and compute paths. */
package dev.crossnet.examples.bench;
