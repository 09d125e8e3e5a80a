package dev.crossnet.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.core.edit.TextualInversion;
import dev.crossnet.core.model.DefaultModel;
import org.junit.jupiter.api.Test;

class VocabularyTest {

  private static Vocabulary clip() {
    ClipTokenizer t = ClipGoldens.reference();
    return new Vocabulary(t, t.vocabularySize());
  }

  private static Vocabulary defaultModel() {
    PromptTokenizer t = PromptTokenizers.load(DefaultModel.folder().resolve("tokenizer"));
    return new Vocabulary(t, t.vocabularySize());
  }

  @Test
  void clipKnowsEnglishWordsAndTheDefaultModelOnlyItsCaptionWords() {
    assertThat(clip().unknownWords("a photo of {} object")).isEmpty();
    assertThat(defaultModel().unknownWords("a photo of a red robot {}")).containsExactly("photo");
    assertThat(defaultModel().knows("robot")).isTrue();
    assertThat(defaultModel().knows("object")).isFalse();
  }

  @Test
  void inversionDefaultsFitTheModelsVocabularyAndExplicitChoicesStay() {
    TextualInversion.Settings forClip = TextualInversion.Settings.from(PluginConfig.empty(), 1, clip());
    assertThat(forClip.template()).isEqualTo(TextualInversion.Settings.PHOTO_TEMPLATE);
    assertThat(forClip.initWord()).isEqualTo(TextualInversion.Settings.INIT_WORD);

    TextualInversion.Settings forDefault = TextualInversion.Settings.from(PluginConfig.empty(), 1, defaultModel());
    assertThat(forDefault.template()).isEqualTo(TextualInversion.Settings.PLAIN_TEMPLATE);
    assertThat(forDefault.initWord()).as("the table's mean").isEmpty();

    TextualInversion.Settings chosen = TextualInversion.Settings.from(
        PluginConfig.of("template", "a {} waving", "init-word", "robot"), 1, defaultModel());
    assertThat(chosen.template()).isEqualTo("a {} waving");
    assertThat(chosen.initWord()).isEqualTo("robot");
  }
}
