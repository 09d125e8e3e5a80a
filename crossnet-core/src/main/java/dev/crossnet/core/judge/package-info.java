/**
 * The FigureWorld judge: a small multi-head classifier that reads a picture (and a focus region) and says
 * which kind, colours, pose, count and relation it shows, so that generation and editing are scored without a
 * human.
 */
package dev.crossnet.core.judge;
