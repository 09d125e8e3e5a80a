package dev.crossnet.examples.cli;

/** One sub-command of the {@code crossnet} command line. */
interface Command {

  /** The word that selects it: {@code crossnet <name> ...}. */
  String name();

  /** One line for the usage text. */
  String summary();

  /** Runs it; returns the process exit code. */
  int run(Options options) throws Exception;
}
