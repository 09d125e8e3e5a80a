package dev.crossnet.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossnet.api.region.Box;
import dev.crossnet.core.model.DefaultModel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.ParseResult;

class CrossNetCliTest {

  @Test
  void helpAtTheTopListsEveryCommandAndSucceeds() {
    CliRun run = CliRun.of("--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("edit", "txt2img", "samplers", "help",
        "Replace a region's occupant with a subject", "Exit codes: 0 success, 1 the work failed, 2 a usage error");
  }

  @Test
  void theHelpCommandExplainsACommand() {
    CliRun run = CliRun.of("help", "edit");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("--bedrock=FILE", "--edit-options");
  }

  @Test
  void editAnswersHelpWithEveryOptionDescribedWithItsDefault() {
    CliRun run = CliRun.of("edit", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out().replaceAll("\\s+", " ")).contains("--steps=N",
        "Denoising steps of the full schedule (default: 30)",
        "(default: the model's own: 1.0 with an inpainting UNet, else its feature-loss schedule's, else 0.8)",
        "(default: out/edit.png)", "(default: <subject>;", "(default: 7)", "(default: 60)",
        "--region=X,Y,W,H", "--mask=FILE", "--edit-options=KEY=VALUE[,KEY=VALUE...]", "--verbose",
        "(default: 80 % of physical memory");
  }

  @Test
  void helpIsRenderedWithoutPicocliWarnings() {
    // picocli formats descriptions with String.format: a bare % made it warn on System.err and print raw text
    PrintStream systemErr = System.err;
    ByteArrayOutputStream warnings = new ByteArrayOutputStream();
    System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
    try {
      for (String command : new String[] {"edit", "txt2img", "samplers"}) {
        assertThat(CliRun.of(command, "--help").exitCode()).isZero();
      }
    } finally {
      System.setErr(systemErr);
    }
    assertThat(warnings.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
  }

  @Test
  void txt2imgAndSamplersAnswerHelp() {
    CliRun txt2img = CliRun.of("txt2img", "--help");
    CliRun samplers = CliRun.of("samplers", "-h");

    assertThat(txt2img.exitCode()).isZero();
    assertThat(txt2img.out().replaceAll("\\s+", " ")).contains("(default: 50)", "--size=PIXELS",
        "(default: the size the model was trained at", "--model=MODEL", "(default: \"a large red robot waving");
    assertThat(samplers.exitCode()).isZero();
    assertThat(samplers.out()).contains("List the sampler plugins");
  }

  @Test
  void noCommandIsAUsageErrorThatListsTheCommands() {
    CliRun run = CliRun.of();

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("edit", "txt2img", "samplers");
  }

  @Test
  void anUnknownOptionIsAUsageErrorSuggestingTheClosestOne() {
    CliRun run = CliRun.of("edit", "--stpes", "3");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("crossnet edit: Unknown options: '--stpes'", "Possible solutions: --steps",
        "Run 'crossnet edit --help'");
  }

  @Test
  void anUnknownCommandIsAUsageErrorSuggestingTheClosestOne() {
    CliRun run = CliRun.of("edti");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("'edti'", "edit");
  }

  @Test
  void samplersTakesNoOptions() {
    assertThat(CliRun.of("samplers", "--verbose", "yes").exitCode()).isEqualTo(2);
  }

  @Test
  void aMalformedNumberIsAUsageErrorNamingOptionAndText() {
    CliRun run = CliRun.of("edit", "--steps", "ten");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--steps", "'ten'");
  }

  @Test
  void aBoxOfThreeNumbersIsAUsageErrorShowingTheForm() {
    CliRun run = CliRun.of("edit", "--region", "1,2,3");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--region", "x,y,width,height", "'1,2,3'");
  }

  @Test
  void regionsWithoutOneSubjectEachAreAUsageErrorNamingBothCounts() {
    CliRun run = CliRun.of("edit", "--bedrock", "b.png", "--subject", "s.png", "--region", "1,2,3,4",
        "--mask", "m.png");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("2 region(s)", "1 --subject", "one --subject per region");
  }

  @Test
  void severalRegionsPairWithTheirSubjectsInOrderAndGetNumberedWords() {
    EditCommand edit = parsedEdit("--bedrock", "b.png", "--region", "1,2,3,4", "--subject", "a.png, b.png",
        "--mask", "m.png", "--subject", "c.png");

    assertThat(edit.where).hasSize(2);
    assertThat(edit.where.get(0).box).isEqualTo(new Box(1, 2, 3, 4));
    assertThat(edit.where.get(1).mask).isEqualTo(Path.of("m.png"));
    assertThat(edit.subjects).containsExactly(new SubjectFiles(List.of(Path.of("a.png"), Path.of("b.png"))),
        new SubjectFiles(List.of(Path.of("c.png"))));
    assertThat(edit.words(2)).containsExactly("<subject-1>", "<subject-2>");
    assertThat(parsedEdit().words(1)).containsExactly("<subject>");
  }

  @Test
  void countsPairWithTheRegionsInOrderAndAreCheckedBeforeAnyFileIsRead() {
    EditCommand edit = parsedEdit("--bedrock", "b.png", "--region", "1,2,30,4", "--subject", "a.png", "--count", "3",
        "--region", "40,2,3,4", "--subject", "c.png");
    assertThat(edit.counts).containsExactly(3);

    CliRun tooMany = CliRun.of("edit", "--bedrock", "missing.png", "--region", "1,2,30,4", "--subject", "a.png",
        "--count", "2", "--count", "3");
    assertThat(tooMany.exitCode()).isEqualTo(2);
    assertThat(tooMany.err()).contains("2 --count options for 1 region(s)").doesNotContain("missing.png");
    CliRun zero = CliRun.of("edit", "--bedrock", "missing.png", "--region", "1,2,30,4", "--subject", "a.png",
        "--count", "0");
    assertThat(zero.exitCode()).isEqualTo(2);
    assertThat(zero.err()).contains("--count 0", "1 to 16");
  }

  @Test
  void wordsMustNumberTheSubjectsAndDiffer() {
    assertThat(parsedEdit("--word", "<dog>", "--word", "<cat>").words(2)).containsExactly("<dog>", "<cat>");
    assertThatThrownBy(() -> parsedEdit("--word", "<dog>").words(2)).isInstanceOf(UsageException.class)
        .hasMessageContaining("1 --word option(s) for 2 subject(s)");
    assertThatThrownBy(() -> parsedEdit("--word", "<dog>", "--word", "<dog>").words(2))
        .isInstanceOf(UsageException.class).hasMessageContaining("each subject needs its own word");
  }

  @Test
  void aSubjectWithoutPicturesIsAUsageError() {
    CliRun run = CliRun.of("edit", "--bedrock", "b.png", "--region", "1,2,3,4", "--subject", ",");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--subject takes picture files", "','");
  }

  @Test
  void anEditOptionWithoutAValueIsAUsageError() {
    CliRun run = CliRun.of("edit", "--edit-options", "ilvr");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--edit-options", "KEY=VALUE", "ilvr");
  }

  @Test
  void aBedrockWithoutSubjectPicturesIsAUsageErrorBeforeAnyFileIsRead() {
    CliRun run = CliRun.of("edit", "--bedrock", "no-such-file.png", "--region", "1,2,3,4");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--bedrock needs --subject", "--subject dog1.png,dog2.png");
  }

  @Test
  void aRegionWithoutABedrockIsAUsageErrorInsteadOfBeingIgnored() {
    CliRun run = CliRun.of("edit", "--region", "1,2,3,4");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("give it with --bedrock");
  }

  @Test
  void anEditOptionNothingReadsIsAUsageErrorNamingTheKnownKeys() {
    CliRun run = CliRun.of("edit", "--edit-options", "foo.bar=1");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unknown option 'foo.bar' for the edit", "branch.motion[.<key>]");
  }

  @Test
  void anUnknownKeyOfABranchIsAUsageErrorNamingTheBranchsKeys() {
    CliRun run = CliRun.of("edit", "--edit-options", "branch.motion.nonsense=3");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unknown option 'branch.motion.nonsense' for branch 'motion'", "ilvr-until");
  }

  @Test
  void editOptionsAreReadAsOrderedPairsWithSpacesAroundCommasIgnored() {
    EditCommand edit = parsedEdit("--edit-options", "branch.motion.ilvr=false, branch.appearance.template=a {}",
        "--edit-options", "branch.region.feather=2");

    assertThat(edit.editOptions).containsExactly(Map.entry("branch.motion.ilvr", "false"),
        Map.entry("branch.appearance.template", "a {}"), Map.entry("branch.region.feather", "2"));
  }

  @Test
  void optionsAreTypedAndTakeBothSpellings() {
    EditCommand edit = parsedEdit("--steps=12", "--seed", "-5", "--strength", "0.5", "--bedrock", "b.png",
        "--region", "40,20,64,120", "--subject", "a.png,b.png");

    assertThat(edit.steps).isEqualTo(12);
    assertThat(edit.seed).isEqualTo(-5);
    assertThat(edit.strength).isEqualTo(0.5);
    assertThat(edit.where).singleElement().satisfies(w -> assertThat(w.box).isEqualTo(new Box(40, 20, 64, 120)));
    assertThat(edit.subjects).containsExactly(new SubjectFiles(List.of(Path.of("a.png"), Path.of("b.png"))));
    assertThat(edit.out).isEqualTo(Path.of("out/edit.png"));
    assertThat(edit.prompt).as("the prompt defaults to the word, filled in when the edit runs").isNull();
  }

  @Test
  void withoutAStrengthTheEditLeavesItToTheModel() {
    assertThat(parsedEdit().strength).as("not given: the runtime picks the model's own").isNull();
    assertThat(parsedEdit("--strength", "0.6").strength).isEqualTo(0.6);
  }

  private static EditCommand parsedEdit(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "edit";
    System.arraycopy(args, 0, all, 1, args.length);
    ParseResult parsed = CrossNetCli.commandLine().parseArgs(all);
    return (EditCommand) parsed.subcommand().commandSpec().userObject();
  }
}
