package dev.crossnet.examples.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The {@code crossnet} command line: {@code java -jar crossnet-examples.jar <command> [--option value]...}. */
public final class CrossNetCli {

  private final List<Command> commands;

  CrossNetCli(List<Command> commands) {
    this.commands = List.copyOf(commands);
  }

  public static void main(String[] args) {
    System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
    List<Command> all = new ArrayList<>();
    all.add(new EditCommand());
    all.add(new TextToImageCommand());
    all.add(new SamplersCommand());
    System.exit(new CrossNetCli(all).run(args));
  }

  int run(String[] args) {
    if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
      System.out.println(usage());
      return args.length == 0 ? 2 : 0;
    }
    Command command = commands.stream().filter(c -> c.name().equals(args[0])).findFirst().orElse(null);
    if (command == null) {
      System.err.println("crossnet: unknown command '" + args[0] + "'\n" + usage());
      return 2;
    }
    try {
      return command.run(new Options(command.name(), Arrays.copyOfRange(args, 1, args.length)));
    } catch (UsageException e) {
      System.err.println("crossnet " + command.name() + ": " + e.getMessage());
      return 2;
    } catch (Exception e) {
      System.err.println("crossnet " + command.name() + " failed: " + e.getMessage());
      return 1;
    }
  }

  String usage() {
    StringBuilder b = new StringBuilder("usage: crossnet <command> [--option value]...\ncommands:\n");
    for (Command c : commands) {
      b.append(String.format("  %-10s %s%n", c.name(), c.summary()));
    }
    return b.toString();
  }
}
