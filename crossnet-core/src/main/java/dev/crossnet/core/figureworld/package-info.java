/**
 * FigureWorld: a procedural, seed-deterministic world of figures in small scenes with exact ground truth
 * (captions, masks, keypoints, relations) and the ideal result of every figure edit, in pure Java2D.
 */
package dev.crossnet.core.figureworld;
