/** The {@code crossnet} command line: edits, text-to-image and tools, with a progress bar. */
package dev.crossnet.examples.cli;
