package dev.crossnet.examples.cli;

import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

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

  /**
   * A command line for a program's {@code command} with CrossNet's error handlers; a failure of the work is
   * reported with its stack trace.
   */
  public static CommandLine create(Object command) {
    return configure(new CommandLine(command), true);
  }

  /**
   * Sets CrossNet's error handlers and conventions on {@code line} and on every subcommand it has now; add the
   * subcommands first. {@code traces}: whether a failure of the work is reported with its stack trace (for
   * programs that experiment) or in one line (for the {@code crossnet} command a newcomer runs).
   */
  public static CommandLine configure(CommandLine line, boolean traces) {
    return line.setParameterExceptionHandler(new UsageErrorHandler())
        .setExecutionExceptionHandler(new FailureHandler(traces))
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setAbbreviatedOptionsAllowed(false)
        .setUsageHelpWidth(HELP_WIDTH);
  }

  /**
   * Every option of a parsed command with the value in effect (given or default), by name without the leading
   * dashes, sorted: a record of how a program was run. Options without a value, and {@code --help}, are left out.
   */
  public static Map<String, String> values(CommandSpec spec) {
    Map<String, String> values = new TreeMap<>();
    for (OptionSpec option : spec.options()) {
      Object value = option.getValue();
      if (value != null && !option.usageHelp() && !option.versionHelp()) {
        values.put(option.longestName().replaceFirst("^-+", ""), String.valueOf(value));
      }
    }
    return values;
  }

  /** Parses {@code args}, runs {@code command} and returns the exit code. */
  public static int execute(Object command, String... args) {
    return create(command).execute(args);
  }
}
