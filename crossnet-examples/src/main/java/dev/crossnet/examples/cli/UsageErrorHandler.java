package dev.crossnet.examples.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports a command line that does not parse: the mistake, picocli's closest known names for an unknown option or
 * command ("Possible solutions: --steps"), and where the full help is. Ends with exit code 2.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    String name = command.getCommandSpec().qualifiedName();
    err.println(name + ": " + e.getMessage());
    UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Run '" + name + " --help' for its options and their defaults.");
    err.flush();
    return CommandLines.USAGE_ERROR;
  }
}
