package dev.crossnet.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.core.edit.EditOptionCheck;
import dev.crossnet.examples.cli.QuotedCommandLines.Quoted;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every example program's command line that the project's Markdown pages (README.md, docs/, tools/) quote still
 * parses with that program's options: the ones in shell blocks, found on the pages, and the fragments quoted inline
 * in the text, listed here.
 */
class DocsCommandLinesTest {

  private static final String PACKAGE = "dev.crossnet.examples.";

  /** Command lines the docs quote inline, in backticks, as they appear there. */
  private static final List<Quoted> INLINE = List.of(
      inline("train.TrainDefaultModel", "--model main-subject --vae-error absolute --vae-figure-weight 4"),
      inline("train.TrainDefaultModel", "--model main-subject --stage unet --vae-from models/default-v2/vae --work runs/v2"),
      inline("train.TrainDefaultModel", "--vae-part decoder --stage vae --export out/model --deadline 15:30"),
      inline("train.ExportTrainingImages", "--model main-subject --images 20000"),
      inline("train.ExportTrainingImages", "--split held-out --first-seed 5000000"),
      inline("judge.EvaluateJudge", "--world main-subject --scenes 150 --seed 7000000 --through-vae DIR"),
      inline("judge.EvaluateJudge", "--world main-subject --judge models/default-v2/judge --scenes 150 --seed 7000000"),
      inline("judge.TrainJudge", "--split any"),
      inline("edit.EditBenchmark", "--scenes 72 --seed 500 --only SDEdit --negative-prompt \"{occupant}\" "
          + "--baseline-prompt caption --subject-pictures 4 --reuse-subjects true"),
      inline("edit.EditBenchmark", "--edit-options branch.motion.ilvr-factor=1"),
      inline("relation.ChangeCount", "--prompt \"a small red dog sitting in a park\" --subject dog --count 3 --steps 200"),
      inline("relation.LearnRelation", "--steps 150 --samples 2"),
      inline("edit.ReplaceOne", "--model DIR --out /tmp/replace-one --size 32 --steps 20 --inversion-steps 100 --seed 3"),
      inline("edit.TwoSubjects", "--model DIR --out /tmp/two-subjects --size 32 --steps 20 --inversion-steps 100"),
      inline("world.WorldSamples", "DIR"));

  @Test
  void theDocsQuoteTheExamplePrograms() throws IOException {
    assertThat(quoted()).extracting(Quoted::program).contains(PACKAGE + "judge.TrainJudge",
        PACKAGE + "judge.EvaluateJudge", PACKAGE + "edit.EditBenchmark", PACKAGE + "train.TrainDefaultModel",
        PACKAGE + "relation.ChangeCount", PACKAGE + "bench.SafetensorsBench", PACKAGE + "world.WorldSamples",
        PACKAGE + "bench.ConvolutionGradientProbe", PACKAGE + "train.ExportTrainingImages");
  }

  @Test
  void aVariableSetInABlockIsExpandedInTheCommandsAfterIt() throws IOException {
    assertThat(QuotedCommandLines.examplePrograms(Path.of("..", "docs", "judge.md")))
        .contains(new Quoted(PACKAGE + "judge.TrainJudge", List.of("--batch", "64", "--seed", "1", "--out",
            "runs/judge", "--checkpoints", "runs/judge-ckpt", "--steps", "2500", "--lr", "0.0007", "--split", "any")));
  }

  @Test
  void everyQuotedExampleCommandLineParses() throws IOException {
    List<Quoted> all = new ArrayList<>(quoted());
    all.addAll(INLINE);
    for (Quoted q : all) {
      assertThatCode(() -> {
        Object program = Class.forName(q.program()).getDeclaredConstructor().newInstance();
        CommandLine line = CommandLines.create(program);
        line.parseArgs(q.args().toArray(String[]::new));
        if (line.getCommandSpec().findOption("--edit-options") != null) {
          Map<String, String> options = line.getCommandSpec().findOption("--edit-options").getValue();
          EditOptionCheck.discover().check(PluginConfig.of(options));
        }
      }).as("%s %s", q.program(), String.join(" ", q.args())).doesNotThrowAnyException();
    }
  }

  @Test
  void anUnknownOptionOfAnExampleProgramIsAUsageErrorWithASuggestion() throws Exception {
    StringWriter err = new StringWriter();
    CommandLine line = CommandLines.create(Class.forName(PACKAGE + "judge.TrainJudge").getDeclaredConstructor()
        .newInstance());
    line.setErr(new PrintWriter(err, true));

    assertThat(line.execute("--stpes", "10")).isEqualTo(2);
    assertThat(err.toString()).contains("TrainJudge: Unknown options: '--stpes'", "Possible solutions: --steps");
  }

  @Test
  void aWordOutsideAnOptionsChoicesIsAUsageErrorNamingThem() throws Exception {
    StringWriter err = new StringWriter();
    CommandLine line = CommandLines.create(Class.forName(PACKAGE + "train.ExportTrainingImages")
        .getDeclaredConstructor().newInstance());
    line.setErr(new PrintWriter(err, true));

    assertThat(line.execute("--split", "test")).isEqualTo(2);
    assertThat(err.toString()).contains("--split must be one of train, held-out, got 'test'");
  }

  private static List<Quoted> quoted() throws IOException {
    List<Quoted> found = new ArrayList<>(QuotedCommandLines.examplePrograms(Path.of("..", "README.md")));
    for (String folder : List.of("docs", "tools")) {
      try (Stream<Path> pages = Files.walk(Path.of("..", folder))) {
        for (Path page : pages.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
          found.addAll(QuotedCommandLines.examplePrograms(page));
        }
      }
    }
    return found;
  }

  private static Quoted inline(String program, String args) {
    return new Quoted(PACKAGE + program, QuotedCommandLines.words(args));
  }
}
