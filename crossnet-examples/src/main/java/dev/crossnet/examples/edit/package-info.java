/**
 * Editing examples and the edit benchmark: replace one occupant, replace two at once, and compare CrossNet
 * (with each branch removed in turn) against SDEdit and RePaint on held-out FigureWorld scenes.
 */
package dev.crossnet.examples.edit;
