/** DPM-Solver++ 2M (Lu et al. 2022): the second-order multistep solver in data prediction, midpoint form. */
package dev.crossnet.samplers.dpm;
