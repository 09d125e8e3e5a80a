/**
 * FigureWorld's reader plugin ({@code reader=figureworld}): the FigureWorld judge reads occupants and subjects for
 * edits on models that draw FigureWorld. Everything of the edit path that knows FigureWorld lives here; the edit
 * runtime and its branches see only the {@link dev.crossnet.api.reading} interfaces.
 */
package dev.crossnet.core.figureworld.reading;
