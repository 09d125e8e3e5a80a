package dev.crossnet.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command lines a Markdown page quotes in its shell blocks ({@code ```bash}, {@code ```sh} or a block without a
 * language): every shell command that runs a given
 * program, or any example program, with the words after the program's, as the shell would split them. A variable
 * set in a block ({@code T="$RUN ... TrainJudge --batch 64"}) is expanded in the commands after it.
 */
final class QuotedCommandLines {

  /** A command line that runs {@code program} (its last word, e.g. a class name) with {@code args}. */
  record Quoted(String program, List<String> args) {}

  private static final Set<String> SHELL_BLOCKS = Set.of("", "bash", "sh", "shell");
  private static final Pattern ASSIGNMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(.*)");
  private static final Pattern EXAMPLE_PROGRAM = Pattern.compile("dev\\.crossnet\\.examples\\.[a-z.]+\\.[A-Z]\\w*");

  private QuotedCommandLines() {}

  /** The arguments of every command that runs a program whose word ends with {@code program}. */
  static List<List<String>> in(Path markdown, String program) throws IOException {
    return find(markdown, word -> word.endsWith(program)).stream().map(Quoted::args).toList();
  }

  /** Every command that runs an example program ({@code dev.crossnet.examples.<package>.<Class>}). */
  static List<Quoted> examplePrograms(Path markdown) throws IOException {
    return find(markdown, word -> EXAMPLE_PROGRAM.matcher(word).matches());
  }

  private static List<Quoted> find(Path markdown, Predicate<String> isProgram) throws IOException {
    List<Quoted> found = new ArrayList<>();
    Map<String, String> variables = new LinkedHashMap<>();
    for (String command : shellCommands(Files.readString(markdown))) {
      List<String> words = words(expand(command, variables));
      if (words.size() == 1 && ASSIGNMENT.matcher(words.get(0)).matches()) {
        Matcher m = ASSIGNMENT.matcher(words.get(0));
        m.matches();
        variables.put(m.group(1), m.group(2));
        continue;
      }
      for (int i = 0; i < words.size(); i++) {
        if (isProgram.test(words.get(i))) {
          found.add(new Quoted(words.get(i), List.copyOf(words.subList(i + 1, words.size()))));
          break;
        }
      }
    }
    return found;
  }

  /** {@code $NAME} replaced by the variable's value, longest names first. */
  private static String expand(String command, Map<String, String> variables) {
    List<String> names = new ArrayList<>(variables.keySet());
    names.sort(Comparator.comparingInt(String::length).reversed());
    String out = command;
    for (String name : names) {
      out = out.replace("$" + name, variables.get(name));
    }
    return out;
  }

  /** The commands of the page's shell blocks: continued lines joined, split at {@code &&}, {@code ;} and {@code |}. */
  private static List<String> shellCommands(String page) {
    List<String> commands = new ArrayList<>();
    boolean inBlock = false;
    boolean inShell = false;
    StringBuilder line = new StringBuilder();
    for (String raw : page.split("\n")) {
      if (raw.startsWith("```")) {
        inShell = !inBlock && SHELL_BLOCKS.contains(raw.trim().substring(3));
        inBlock = !inBlock;
        continue;
      }
      if (!inShell) {
        continue;
      }
      if (raw.endsWith("\\")) {
        line.append(raw, 0, raw.length() - 1).append(' ');
        continue;
      }
      line.append(raw);
      for (String part : line.toString().split("&&|;|\\|")) {
        commands.add(part.trim());
      }
      line.setLength(0);
    }
    return commands;
  }

  /** Splits a command into words as a shell does for plain words and single or double quotes. */
  static List<String> words(String command) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (char ch : command.toCharArray()) {
      if (quote != 0) {
        if (ch == quote) {
          quote = 0;
        } else {
          word.append(ch);
        }
      } else if (ch == '"' || ch == '\'') {
        quote = ch;
        inWord = true;
      } else if (Character.isWhitespace(ch)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else if (ch == '#' && !inWord) {
        break;
      } else {
        word.append(ch);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }
}
