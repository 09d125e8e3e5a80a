/**
 * The {@code crossnet} command line: edits, text-to-image and tools, with a progress bar; and {@link
 * dev.crossnet.examples.cli.Options}, the {@code --name value} parser every example program uses.
 */
package dev.crossnet.examples.cli;
