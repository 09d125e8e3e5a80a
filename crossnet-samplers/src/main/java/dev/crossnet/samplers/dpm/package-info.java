/**
 * DPM-Solver++ 2M (Lu et al. 2022): the second-order multistep ODE solver in data prediction, midpoint form,
 * carrying the previous x_0 estimate through the solver history.
 */
package dev.crossnet.samplers.dpm;
