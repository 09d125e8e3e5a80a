package dev.crossnet.examples.cli;

import picocli.CommandLine;

/**
 * The one way a CrossNet program reads its command line: a picocli command (an object with {@code @Command} and
 * {@code @Option} annotations) run with CrossNet's error reporting and exit codes: 0 on success, 1 when the work
 * fails, 2 for a usage error (an unknown or malformed option, with the closest known names suggested).
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *   System.exit(CommandLines.execute(new TrainJudge(), args));
 * }
 * }</pre>
 */
public final class CommandLines {

  /** The exit code of a run that succeeded. */
  public static final int OK = 0;
  /** The exit code of a run whose work failed. */
  public static final int FAILURE = 1;
  /** The exit code of a command line that does not parse, or asks for something that does not exist. */
  public static final int USAGE_ERROR = 2;

  /** Help lines are wrapped at this many characters, wide enough for an option's description and default. */
  static final int HELP_WIDTH = 110;

  private CommandLines() {}

  /** A command line for {@code command} with CrossNet's error handlers. */
  public static CommandLine create(Object command) {
    return configure(new CommandLine(command));
  }

  /**
   * Sets CrossNet's error handlers and conventions on {@code line} and on every subcommand it has now; add the
   * subcommands first.
   */
  public static CommandLine configure(CommandLine line) {
    return line.setParameterExceptionHandler(new UsageErrorHandler())
        .setExecutionExceptionHandler(new FailureHandler())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setAbbreviatedOptionsAllowed(false)
        .setUsageHelpWidth(HELP_WIDTH);
  }

  /** Parses {@code args}, runs {@code command} and returns the exit code. */
  public static int execute(Object command, String... args) {
    return create(command).execute(args);
  }
}
