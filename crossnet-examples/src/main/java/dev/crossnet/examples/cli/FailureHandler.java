package dev.crossnet.examples.cli;

import dev.crossnet.api.plugin.UnknownOptionException;
import dev.crossnet.api.plugin.UnknownPluginException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Reports an exception thrown while a command runs, as one line without a stack trace. A mistake in what the
 * user asked for (a {@link UsageException}, a plugin name no provider has, an option key nothing reads) ends with exit code 2, like a
 * command line that does not parse; anything else is a failure, exit code 1.
 */
final class FailureHandler implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
    PrintWriter err = command.getErr();
    String name = command.getCommandSpec().qualifiedName();
    boolean usage = isUsageError(e);
    err.println(name + (usage ? ": " : " failed: ") + e.getMessage());
    if (usage) {
      err.println("Run '" + name + " --help' for its options and their defaults.");
    }
    err.flush();
    return usage ? CommandLines.USAGE_ERROR : CommandLines.FAILURE;
  }

  static boolean isUsageError(Exception e) {
    return e instanceof UsageException || e instanceof UnknownPluginException || e instanceof UnknownOptionException;
  }
}
