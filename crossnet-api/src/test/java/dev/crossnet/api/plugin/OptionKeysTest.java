package dev.crossnet.api.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OptionKeysTest {

  @Test
  void declaredKeysAcceptThemselvesOnlyAndAreSorted() {
    OptionKeys keys = OptionKeys.of("emphasis", "bias");

    assertThat(keys.isDeclared()).isTrue();
    assertThat(keys.accepts("bias")).isTrue();
    assertThat(keys.accepts("biass")).isFalse();
    assertThat(keys.keys()).containsExactly("bias", "emphasis");
  }

  @Test
  void undeclaredKeysAcceptAnyKeyAndListNone() {
    assertThat(OptionKeys.undeclared().isDeclared()).isFalse();
    assertThat(OptionKeys.undeclared().accepts("anything")).isTrue();
    assertThat(OptionKeys.undeclared().keys()).isEmpty();
  }

  @Test
  void noKeysAcceptNothing() {
    assertThat(OptionKeys.none().isDeclared()).isTrue();
    assertThat(OptionKeys.none().accepts("bias")).isFalse();
    assertThat(OptionKeys.of()).isEqualTo(OptionKeys.none());
  }

  @Test
  void aKeyDeclaredTwiceOrBlankIsAMistakeOfThePlugin() {
    assertThatThrownBy(() -> OptionKeys.of("bias", "bias")).hasMessageContaining("'bias' is declared twice");
    assertThatThrownBy(() -> OptionKeys.of(" bias")).hasMessageContaining("spaces");
    assertThatThrownBy(() -> OptionKeys.of(List.of(""))).hasMessageContaining("blank");
  }

  @Test
  void theClosestKnownNameIsSuggestedOnlyWhenItIsClose() {
    List<String> known = List.of("ilvr", "ilvr-until", "ilvr-weight", "mode");

    assertThat(Spelling.closest("ilvr-untill", known)).contains("ilvr-until");
    assertThat(Spelling.closest("mdoe", known)).contains("mode");
    assertThat(Spelling.closest("nonsense", known)).isEmpty();
  }

  @Test
  void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
    assertThat(Spelling.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(Spelling.distance("", "abc")).isEqualTo(3);
    assertThat(Spelling.distance("same", "same")).isZero();
  }

  @Test
  void anUnknownOptionNamesKeyComponentSuggestionAndKnownKeys() {
    UnknownOptionException e = new UnknownOptionException("branch.motion.ilvr-untill", "branch 'motion'",
        List.of("ilvr", "ilvr-until"), "branch.motion.ilvr-until");

    assertThat(e).isInstanceOf(IllegalArgumentException.class).hasMessage(
        "unknown option 'branch.motion.ilvr-untill' for branch 'motion' (did you mean 'branch.motion.ilvr-until'?); "
            + "branch 'motion' knows ilvr, ilvr-until. Correct the key or remove it.");
    assertThat(e.suggestion()).contains("branch.motion.ilvr-until");
    assertThat(new UnknownOptionException("x", "branch 'region'", List.of(), null))
        .hasMessage("unknown option 'x' for branch 'region'; branch 'region' knows no options. "
            + "Correct the key or remove it.");
  }
}
