package dev.crossnet.examples.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code crossnet} command line: {@code java -jar crossnet-examples.jar <command> [--option value]...}. Every
 * command answers {@code --help}; {@code crossnet help [command]} does the same. Exit codes: 0 success, 1 the
 * work failed, 2 a usage error.
 */
@Command(name = "crossnet",
    description = "Edits images and videos with diffusion models: puts a subject in place of a region's occupant.",
    synopsisSubcommandLabel = "<command>",
    footer = {"", "Run 'crossnet <command> --help' for a command's options and their defaults.",
        "Exit codes: 0 success, 1 the work failed, 2 a usage error."})
public final class CrossNetCli implements Callable<Integer> {

  @Mixin
  HelpOption help;

  @Mixin
  Verbosity verbosity;

  @Spec
  CommandSpec spec;

  public static void main(String[] args) {
    System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
    Verbosity.apply(args);
    System.exit(commandLine().execute(args));
  }

  /** The {@code crossnet} command with all its subcommands and CrossNet's error handlers. */
  static CommandLine commandLine() {
    CommandLine line = new CommandLine(new CrossNetCli())
        .addSubcommand("help", new HelpCommand())
        .addSubcommand(new EditCommand())
        .addSubcommand(new VideoCommand())
        .addSubcommand(new TextToImageCommand())
        .addSubcommand(new SamplersCommand());
    return CommandLines.configure(line, false);
  }

  /** No command given: the list of commands, and a usage error. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return CommandLines.USAGE_ERROR;
  }
}
