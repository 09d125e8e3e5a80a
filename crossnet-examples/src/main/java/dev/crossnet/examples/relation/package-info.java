/**
 * Example programs and benchmarks for relation inversion (learn "holding hands with" from FigureWorld pictures, then
 * draw "a small red person &lt;R&gt; a small blue robot") and count steering (redraw a prompt with another number
 * of figures).
 */
package dev.crossnet.examples.relation;
