/**
 * Euler and Euler ancestral samplers in Karras et al.'s sigma parametrisation (x = x_0 + sigma eps), as
 * diffusers' EulerDiscreteScheduler and EulerAncestralDiscreteScheduler.
 */
package dev.crossnet.samplers.euler;
