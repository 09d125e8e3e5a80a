/**
 * Feature-loss schedule reports: a model's schedule measured on held-out FigureWorld scenes, with the FigureWorld
 * judge's readings of the same one-step predictions beside the generic signals.
 */
package dev.crossnet.examples.schedule;
