/**
 * Example programs that show FigureWorld: grids of generated scenes, their captions, masks and ideal edits.
 */
package dev.crossnet.examples.world;
