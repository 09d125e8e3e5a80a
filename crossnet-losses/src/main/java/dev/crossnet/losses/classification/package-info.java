/**
 * Classification losses: softmax cross-entropy over several heads of one network (the FigureWorld judge
 * reads kind, colour, pose, count and relation at once).
 */
package dev.crossnet.losses.classification;
