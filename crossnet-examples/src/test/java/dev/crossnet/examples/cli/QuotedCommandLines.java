package dev.crossnet.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command lines a Markdown page quotes in its {@code ```bash} blocks for one program: every shell command that
 * runs {@code program} (a word that ends with it, such as {@code crossnet-examples.jar} or a class name), with
 * the words after that word, as the shell would split them.
 */
final class QuotedCommandLines {

  private QuotedCommandLines() {}

  static List<List<String>> in(Path markdown, String program) throws IOException {
    List<List<String>> found = new ArrayList<>();
    for (String command : shellCommands(Files.readString(markdown))) {
      List<String> words = words(command);
      for (int i = 0; i < words.size(); i++) {
        if (words.get(i).endsWith(program)) {
          found.add(List.copyOf(words.subList(i + 1, words.size())));
          break;
        }
      }
    }
    return found;
  }

  /** The commands of the page's bash blocks: continued lines joined, split at {@code &&}, {@code ;} and {@code |}. */
  private static List<String> shellCommands(String page) {
    List<String> commands = new ArrayList<>();
    boolean inBash = false;
    StringBuilder line = new StringBuilder();
    for (String raw : page.split("\n")) {
      if (raw.startsWith("```")) {
        inBash = !inBash && raw.trim().equals("```bash");
        continue;
      }
      if (!inBash) {
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
