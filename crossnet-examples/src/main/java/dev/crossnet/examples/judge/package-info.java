/**
 * Programs that train the FigureWorld judge and measure its accuracy on held-out and training renders, so the
 * judge's own error is known before it scores anything else.
 */
package dev.crossnet.examples.judge;
