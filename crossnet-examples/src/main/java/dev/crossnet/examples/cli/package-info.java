/**
 * The {@code crossnet} command line on picocli (edits, text-to-image, tools; {@code --help} everywhere, exit code 2
 * for a usage error), {@link dev.crossnet.examples.cli.CommandLines}, the way every CrossNet program reads its
 * command line, and a progress bar.
 */
package dev.crossnet.examples.cli;
