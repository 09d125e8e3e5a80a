/**
 * Training programs: the default model's training on FigureWorld, with its loss curves and sample grids.
 */
package dev.crossnet.examples.train;
