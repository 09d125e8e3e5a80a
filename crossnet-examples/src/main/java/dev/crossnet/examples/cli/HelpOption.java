package dev.crossnet.examples.cli;

import picocli.CommandLine.Option;

/** The {@code -h}/{@code --help} option every command mixes in ({@code @Mixin HelpOption help;}). */
public final class HelpOption {

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help, with every option's default, and exit.")
  boolean requested;
}
