package dev.crossnet.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionsTest {

  private static Options parse(String... args) {
    return new Options("Demo", args);
  }

  @Test
  void readsNameValuePairs() {
    Options o = parse("--prompt", "a red dog", "--steps", "12", "--lr", "0.5", "--seed", "12345678901",
        "--out", "/tmp/x");

    assertThat(o.string("prompt", "none")).isEqualTo("a red dog");
    assertThat(o.integer("steps", 30)).isEqualTo(12);
    assertThat(o.number("lr", 1e-3)).isEqualTo(0.5);
    assertThat(o.longValue("seed", 0)).isEqualTo(12_345_678_901L);
    assertThat(o.path("out", "/tmp/default")).isEqualTo(Path.of("/tmp/x"));
  }

  @Test
  void readsPairsForPluginOptionsAndRefusesABareWord() {
    assertThat(parse("--edit-options", "branch.motion.ilvr=false, branch.appearance.template=a {}")
        .pairs("edit-options")).containsExactly(Map.entry("branch.motion.ilvr", "false"),
            Map.entry("branch.appearance.template", "a {}"));
    assertThat(parse().pairs("edit-options")).isEmpty();
    assertThatThrownBy(() -> parse("--edit-options", "ilvr").pairs("edit-options"))
        .isInstanceOf(UsageException.class).hasMessageContaining("'ilvr'").hasMessageContaining("name=value");
  }

  @Test
  void readsNameEqualsValue() {
    Options o = parse("--steps=12", "--prompt=--not-an-option");

    assertThat(o.integer("steps", 30)).isEqualTo(12);
    assertThat(o.string("prompt", null)).isEqualTo("--not-an-option");
  }

  @Test
  void givesTheDefaultOfAnOptionNotGiven() {
    Options o = parse();

    assertThat(o.string("prompt", "a cat")).isEqualTo("a cat");
    assertThat(o.string("negative", null)).isNull();
    assertThat(o.integer("steps", 30)).isEqualTo(30);
    assertThat(o.longValue("seed", 7)).isEqualTo(7);
    assertThat(o.number("lr", 1e-3)).isEqualTo(1e-3);
    assertThat(o.path("out", "out/edit.png")).isEqualTo(Path.of("out/edit.png"));
    assertThat(o.path("model", null)).isNull();
    assertThat(o.optionalPath("model")).isEmpty();
  }

  @Test
  void aChoiceOutsideItsSetNamesTheAllowedValues() {
    Options o = new Options("p", "--part", "middle");
    assertThatThrownBy(() -> o.choice("part", "whole", "whole", "decoder"))
        .isInstanceOf(UsageException.class)
        .hasMessage("--part must be one of whole, decoder, got 'middle'");
    assertThat(new Options("p").choice("part", "whole", "whole", "decoder")).isEqualTo("whole");
  }

  @Test
  void takesANegativeNumberAsAValue() {
    assertThat(parse("--seed", "-5").longValue("seed", 0)).isEqualTo(-5);
  }

  @Test
  void letsTheLastOfARepeatedOptionCount() {
    assertThat(parse("--steps", "1", "--steps", "2").integer("steps", 30)).isEqualTo(2);
  }

  @Test
  void givesAnOptionalPathWhenGiven() {
    assertThat(parse("--model", "models/m").optionalPath("model")).contains(Path.of("models/m"));
  }

  @Test
  void givesARequiredPath() {
    assertThat(parse("--model", "models/m").requiredPath("model")).isEqualTo(Path.of("models/m"));
  }

  @Test
  void refusesAMissingRequiredPathNamingProgramAndOption() {
    assertThatThrownBy(() -> parse().requiredPath("model"))
        .isInstanceOf(UsageException.class)
        .hasMessage("Demo needs --model PATH");
  }

  @Test
  void refusesAWordThatIsNotAnOption() {
    assertThatThrownBy(() -> parse("--steps", "3", "extra", "word"))
        .isInstanceOf(UsageException.class)
        .hasMessage("Demo takes options of the form --name value; got 'extra'");
  }

  @Test
  void refusesABareDoubleDash() {
    assertThatThrownBy(() -> parse("--")).isInstanceOf(UsageException.class).hasMessageContaining("got '--'");
  }

  @Test
  void refusesAMissingValueAtTheEndNamingOptionAndDefault() {
    Options o = parse("--steps");

    assertThatThrownBy(() -> o.integer("steps", 30))
        .isInstanceOf(UsageException.class)
        .hasMessage("--steps needs a value (its default is 30)");
  }

  @Test
  void refusesAMissingValueBeforeAnotherOption() {
    Options o = parse("--prompt", "--steps", "3");

    assertThat(o.integer("steps", 30)).isEqualTo(3);
    assertThatThrownBy(() -> o.string("prompt", null))
        .isInstanceOf(UsageException.class)
        .hasMessage("--prompt needs a value");
  }

  @Test
  void refusesAMalformedWholeNumberNamingOptionAndText() {
    assertThatThrownBy(() -> parse("--steps", "ten").integer("steps", 30))
        .isInstanceOf(UsageException.class)
        .hasMessage("--steps must be a whole number, got 'ten'");
    assertThatThrownBy(() -> parse("--seed", "1.5").longValue("seed", 0))
        .isInstanceOf(UsageException.class)
        .hasMessage("--seed must be a whole number, got '1.5'");
  }

  @Test
  void refusesAMalformedNumberNamingOptionAndText() {
    assertThatThrownBy(() -> parse("--lr", "fast").number("lr", 1e-3))
        .isInstanceOf(UsageException.class)
        .hasMessage("--lr must be a number, got 'fast'");
  }

  @Test
  void acceptsOptionsThatWereAllRead() {
    Options o = parse("--steps", "3");
    o.integer("steps", 30);
    o.string("prompt", "a cat");

    o.rejectUnknown();
  }

  @Test
  void refusesUnknownOptionsListingTheKnownOnesSorted() {
    Options o = parse("--stpes", "3", "--colour", "red", "--size", "32");
    o.integer("steps", 30);
    o.integer("size", 64);
    o.path("out", "/tmp/out");

    assertThatThrownBy(o::rejectUnknown)
        .isInstanceOf(UsageException.class)
        .hasMessage("Demo does not know --colour, --stpes; it knows --out, --size, --steps");
  }

  @Test
  void refusesAnyOptionWhenTheProgramKnowsNone() {
    assertThatThrownBy(parse("--verbose", "true")::rejectUnknown)
        .hasMessage("Demo does not know --verbose; it knows no options");
  }

  @Test
  void recordsEveryOptionReadWithTheValueInEffectSortedByName() {
    Options o = parse("--steps", "12", "--lr", "1e-3");
    o.integer("steps", 3000);
    o.number("lr", 0.002);
    o.string("checkpoints", "");
    o.longValue("seed", 1);
    o.path("model", null);

    assertThat(o.values()).containsExactly(
        Map.entry("checkpoints", ""), Map.entry("lr", "1e-3"),
        Map.entry("seed", "1"), Map.entry("steps", "12"));
    assertThat(o.values()).hasToString("{checkpoints=, lr=1e-3, seed=1, steps=12}");
  }

  @Test
  void usageErrorsAreIllegalArguments() {
    assertThat(new UsageException("x")).isInstanceOf(IllegalArgumentException.class);
  }
}
