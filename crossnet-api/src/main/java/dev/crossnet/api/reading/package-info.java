/**
 * Readers: plugins that say what the pictures of an edit show, in words the model knows. A reader answers three
 * questions about each region's occupant (what is it doing, how large is it, what kind is it) and the same about
 * each subject, from its pictures; the edit runtime turns the answers into prompt words, size ratios and the
 * subject's embedding rows, without knowing the world the reader understands.
 *
 * <p>A reader comes from a {@link dev.crossnet.api.reading.ReaderProvider} registered in
 * {@code META-INF/services/dev.crossnet.api.reading.ReaderProvider}; CrossNet's own, {@code figureworld}, reads
 * FigureWorld pictures with the FigureWorld judge. An edit picks one with the option {@code reader}: {@code auto}
 * (the default: the first provider, by (order, name), that {@link dev.crossnet.api.reading.ReaderProvider#reads
 * reads} the edit's model), a provider's name, or {@code none}.
 */
package dev.crossnet.api.reading;
