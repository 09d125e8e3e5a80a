/**
 * Building blocks shared by the samplers: fused array arithmetic, x_0 and epsilon coefficients per prediction
 * type, and the two families of sample scaling (variance-preserving and sigma-scaled).
 */
package dev.crossnet.samplers.core;
