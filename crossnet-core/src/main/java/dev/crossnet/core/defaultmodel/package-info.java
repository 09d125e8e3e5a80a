/**
 * CrossNet's embedded default model: its recipe (configs, vocabulary), its training on FigureWorld, and its
 * loading from the library's resources.
 */
package dev.crossnet.core.defaultmodel;
