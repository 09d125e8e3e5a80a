package dev.crossnet.examples.cli;

import dev.crossnet.api.plugin.UnknownOptionException;
import dev.crossnet.api.plugin.UnknownPluginException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Reports an exception thrown while a command runs, as one line. A mistake in what the user asked for (a
 * {@link UsageException}, a plugin name no provider has, an option key nothing reads) ends with exit code 2, like
 * a command line that does not parse; anything else is a failure, exit code 1, with its stack trace if asked.
 */
final class FailureHandler implements IExecutionExceptionHandler {

  private final boolean traces;

  /** {@code traces}: whether a failure (not a usage error) is followed by its stack trace. */
  FailureHandler(boolean traces) {
    this.traces = traces;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
    PrintWriter err = command.getErr();
    String name = command.getCommandSpec().qualifiedName();
    boolean usage = isUsageError(e);
    err.println(name + (usage ? ": " : " failed: ") + e.getMessage());
    if (usage) {
      err.println("Run '" + name + " --help' for its options and their defaults.");
    } else if (traces) {
      e.printStackTrace(err);
    }
    err.flush();
    return usage ? CommandLines.USAGE_ERROR : CommandLines.FAILURE;
  }

  static boolean isUsageError(Exception e) {
    return e instanceof UsageException || e instanceof UnknownPluginException
        || e instanceof UnknownOptionException;
  }
}
