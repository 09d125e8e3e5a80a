/** The runtime SPI: how the fluent API finds the engine that carries out an edit. */
package dev.crossnet.api.runtime;
