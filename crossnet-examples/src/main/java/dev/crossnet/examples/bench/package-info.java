/**
 * Benchmarks: UNet forward time, analytic FLOPs, achieved GFLOP/s against the machine's matmul rate, and
 * peak resident memory against the weights' size.
 */
package dev.crossnet.examples.bench;
