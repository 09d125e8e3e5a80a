/**
 * Reading diffusers-style {@code scheduler_config.json} settings into checked values: beta schedules,
 * prediction types, timestep spacings.
 */
package dev.crossnet.samplers.config;
