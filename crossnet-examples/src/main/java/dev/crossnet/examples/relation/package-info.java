/**
 * Example programs for relation inversion (learn "holding hands with" from FigureWorld pictures, then draw
 * "a dog &lt;R&gt; a cat") and count steering (redraw a prompt with another number of figures).
 */
package dev.crossnet.examples.relation;
