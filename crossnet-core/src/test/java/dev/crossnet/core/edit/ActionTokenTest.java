package dev.crossnet.core.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossnet.api.edit.EditResult;
import dev.crossnet.api.edit.ReadyEdit;
import dev.crossnet.core.testing.TinyModelFolder;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The action branch on the tiny model: the occupant's action learned as a token and said after the subject. */
class ActionTokenTest {

  @TempDir static Path dir;
  private static Path model;
  private static Path embedding;
  private static ModelCache cache;
  private static DiffusionEditRuntime runtime;

  @BeforeAll
  static void setUp() {
    model = TinyModelFolder.assemble(dir.resolve("model"));
    cache = new ModelCache();
    runtime = new DiffusionEditRuntime(cache);
    embedding = TinyEdits.embedding(cache, model, dir);
  }

  @AfterAll
  static void tearDown() {
    if (cache != null) {
      cache.close();
    }
  }

  private static ReadyEdit learning() {
    return plain().option("branch.action.token", "learn").option("branch.action.steps", 3)
        .option("branch.action.init-word", "sitting");
  }

  /** Two steps from pure noise, so that a token's effect on the prompt shows in the picture. */
  private static ReadyEdit plain() {
    return TinyEdits.edit(model, embedding).prompt("a <red-thing>").steps(2).strength(1.0);
  }

  @Test
  void byDefaultNoActionIsLearned() {
    EditResult plain = TinyEdits.edit(model, embedding).prompt("a <red-thing>").steps(2).run(runtime);
    assertThat(plain.record()).containsEntry("branch.action.token", "none");
    assertThat(plain.record().get("prompt")).doesNotContain("<action");
  }

  @Test
  void aLearnedActionFollowsTheSubjectsWordChangesTheEditIsDeterministicAndLeavesNoArrays() {
    EditResult first = learning().run(runtime);
    long open = cache.openArrays();
    EditResult again = learning().run(runtime);
    assertThat(cache.openArrays()).as("arrays left open by a second learning edit").isEqualTo(open);
    EditResult plain = plain().run(runtime);

    assertThat(first.record().get("prompt")).contains("<red-thing> <action-1>");
    assertThat(first.record().get("branch.action.<action-1>")).startsWith("3 steps in ")
        .contains("after '<red-thing>'").contains("cosine to").contains("verb");
    assertThat(first.picture().rgbPixels()).isEqualTo(again.picture().rgbPixels());
    assertThat(first.picture().rgbPixels()).isNotEqualTo(plain.picture().rgbPixels());
  }

  @Test
  void badSettingsAreRefusedNamingTheFix() {
    assertThatThrownBy(() -> TinyEdits.edit(model, embedding).option("branch.action.token", "maybe").run(runtime))
        .hasMessageContaining("branch.action.token is 'maybe'").hasMessageContaining("[none, learn]");
    assertThatThrownBy(() -> learning().option("branch.action.template", "a thing").run(runtime))
        .hasMessageContaining("has no {}");
    assertThatThrownBy(() -> learning().option("branch.action.init-word", "zebra").run(runtime))
        .hasMessageContaining("zebra");
  }
}
