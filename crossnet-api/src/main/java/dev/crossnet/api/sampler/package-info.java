/**
 * The sampler plugin family: noise schedules, timestep plans and the step functions that turn a model's
 * prediction into the next sample.
 */
package dev.crossnet.api.sampler;
