package dev.crossnet.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

class CommandLinesTest {

  @Command(name = "Demo")
  static final class Demo implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Option(names = "--steps", defaultValue = "30")
    int steps;

    @Option(names = "--lr", defaultValue = "0.002")
    double lr;

    @Option(names = "--model")
    Path model;

    RuntimeException failure;

    @Override
    public Integer call() {
      if (failure != null) {
        throw failure;
      }
      return CommandLines.OK;
    }
  }

  @Test
  void recordsEveryOptionInEffectSortedByNameLeavingOutHelpAndOptionsWithoutAValue() {
    Demo demo = new Demo();
    CommandLine line = CommandLines.create(demo);
    line.parseArgs("--steps", "12");

    assertThat(CommandLines.values(line.getCommandSpec())).hasToString("{lr=0.002, steps=12}");
  }

  @Test
  void aFailureOfTheWorkIsExitCodeOneWithItsMessageAndStackTrace() {
    Demo demo = new Demo();
    demo.failure = new IllegalStateException("the disk is full");
    StringWriter err = new StringWriter();
    CommandLine line = CommandLines.create(demo);
    line.setErr(new PrintWriter(err, true));

    assertThat(line.execute()).isEqualTo(CommandLines.FAILURE);
    assertThat(err.toString()).startsWith("Demo failed: the disk is full").contains("at dev.crossnet.examples.cli");
  }

  @Test
  void aUsageExceptionThrownByTheWorkIsExitCodeTwoWithoutAStackTrace() {
    Demo demo = new Demo();
    demo.failure = new UsageException("--model needs --steps");
    StringWriter err = new StringWriter();
    CommandLine line = CommandLines.create(demo);
    line.setErr(new PrintWriter(err, true));

    assertThat(line.execute()).isEqualTo(CommandLines.USAGE_ERROR);
    assertThat(err.toString()).isEqualTo("Demo: --model needs --steps\n"
        + "Run 'Demo --help' for its options and their defaults.\n");
  }

  @Test
  void aChoiceOutsideItsWordsNamesThem() {
    assertThat(Choices.check("--part", "whole", "whole", "decoder")).isEqualTo("whole");
    assertThatThrownBy(() -> Choices.check("--part", "middle", "whole", "decoder"))
        .isInstanceOf(UsageException.class).hasMessage("--part must be one of whole, decoder, got 'middle'");
  }
}
