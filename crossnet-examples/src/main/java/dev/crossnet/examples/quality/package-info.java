/**
 * Quality reports: text-to-image on held-out FigureWorld captions, judged by the bundled FigureWorld judge next
 * to the judge's reading of the real renders.
 */
package dev.crossnet.examples.quality;
