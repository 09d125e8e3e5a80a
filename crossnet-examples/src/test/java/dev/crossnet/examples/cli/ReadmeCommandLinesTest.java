package dev.crossnet.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.core.edit.EditOptionCheck;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParseResult;

/**
 * Every {@code crossnet} command line that README.md quotes parses, and its edit options are known, so a
 * newcomer's first command works.
 */
class ReadmeCommandLinesTest {

  private static final Path README = Path.of("..", "README.md");

  @Test
  void theReadmeQuotesTheMainJobAndTheCommandLineExamples() throws IOException {
    assertThat(QuotedCommandLines.in(README, "crossnet-examples.jar"))
        .contains(List.of("edit", "--out", "out/edit.png"))
        .anySatisfy(args -> assertThat(args).startsWith("txt2img"))
        .anySatisfy(args -> assertThat(args).contains("--edit-options"))
        .anySatisfy(args -> assertThat(args).contains("--bedrock"));
  }

  @Test
  void everyCrossnetCommandLineInTheReadmeParses() throws IOException {
    for (List<String> args : QuotedCommandLines.in(README, "crossnet-examples.jar")) {
      assertThatCode(() -> {
        ParseResult parsed = CrossNetCli.commandLine().parseArgs(args.toArray(String[]::new));
        assertThat(parsed.hasSubcommand()).as("names a command").isTrue();
        if (parsed.subcommand().commandSpec().userObject() instanceof EditCommand edit) {
          EditOptionCheck.discover().check(PluginConfig.of(edit.editOptions));
        }
      }).as("crossnet %s", String.join(" ", args)).doesNotThrowAnyException();
    }
  }

  @Test
  void quotedWordsAreSplitAsTheShellSplitsThem() {
    assertThat(QuotedCommandLines.words("java -jar x.jar edit --word \"<my-dog>\" --prompt 'a dog'  # note"))
        .containsExactly("java", "-jar", "x.jar", "edit", "--word", "<my-dog>", "--prompt", "a dog");
  }
}
