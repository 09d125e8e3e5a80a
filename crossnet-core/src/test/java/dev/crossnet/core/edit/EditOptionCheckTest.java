package dev.crossnet.core.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossnet.api.branch.BranchProvider;
import dev.crossnet.api.branch.ConditioningBranch;
import dev.crossnet.api.edit.Editor;
import dev.crossnet.api.image.Picture;
import dev.crossnet.api.plugin.OptionKeys;
import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.api.plugin.PluginRegistry;
import dev.crossnet.api.plugin.UnknownOptionException;
import dev.crossnet.api.region.Region;
import dev.crossnet.api.subject.Subject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every edit option key is checked against what the branches read, before the edit starts. */
class EditOptionCheckTest {

  private static final EditOptionCheck CHECK = EditOptionCheck.discover();

  @Test
  void everyKeyABuiltInBranchReadsIsAccepted() {
    assertThatCode(() -> CHECK.check(PluginConfig.of(
        "branch.appearance.source", "inversion", "branch.appearance.steps", 60, "branch.appearance.save-to", "x",
        "branch.motion.pose", "none", "branch.motion.ilvr-until", 0.6, "branch.motion.null-text-iterations", 3,
        "branch.region.feather", 2, "branch.region.jump-count", 1, "branch.subject-attention.emphasis", 2)))
        .doesNotThrowAnyException();
  }

  @Test
  void aBranchSwitchIsAccepted() {
    assertThatCode(() -> CHECK.check(PluginConfig.of("branch.motion", false, "branch.subject-attention", true)))
        .doesNotThrowAnyException();
  }

  @Test
  void anUnknownKeyOfABranchNamesKeyBranchAndItsKeys() {
    assertThatThrownBy(() -> CHECK.check(PluginConfig.of("branch.motion.nonsense", 3)))
        .isInstanceOf(UnknownOptionException.class)
        .hasMessageStartingWith("unknown option 'branch.motion.nonsense' for branch 'motion'; branch 'motion' knows ")
        .hasMessageContaining("body, ilvr, ilvr-factor, ilvr-until, ilvr-weight, mode");
  }

  @Test
  void aMisspeltKeySuggestsTheClosestOneFirst() {
    assertThatThrownBy(() -> CHECK.check("branch.motion.ilvr-untill"))
        .hasMessageContaining("did you mean 'branch.motion.ilvr-until'?");
    assertThatThrownBy(() -> CHECK.check("branch.subject-attention.emphasys"))
        .hasMessageContaining("did you mean 'branch.subject-attention.emphasis'?");
  }

  @Test
  void aKeyOutsideTheBranchesNamesWhatTheEditReads() {
    assertThatThrownBy(() -> CHECK.check("foo.bar"))
        .isInstanceOf(UnknownOptionException.class)
        .hasMessageStartingWith("unknown option 'foo.bar' for the edit; the edit knows reader, subjects, "
            + "candidates[.by], branch.appearance[.<key>], ")
        .hasMessageContaining("branch.motion[.<key>]", "branch.subject-attention[.<key>]");
  }

  @Test
  void theEditsOwnKeysPassAndAMisspeltOneIsNamed() {
    CHECK.check("candidates");
    CHECK.check("candidates.by");
    assertThatThrownBy(() -> CHECK.check("candidate")).hasMessageContaining("did you mean 'candidates'?");
  }

  @Test
  void aMisspeltBranchSuggestsTheKeyOfTheRightOne() {
    assertThatThrownBy(() -> CHECK.check("branch.motoin.ilvr"))
        .hasMessageContaining("did you mean 'branch.motion.ilvr'?");
    assertThatThrownBy(() -> CHECK.check("branch.regoin")).hasMessageContaining("did you mean 'branch.region'?");
  }

  @Test
  void aBranchThatDeclaresNoKeysAcceptsAnyAndOneThatDeclaresNoneRefusesAll() {
    EditOptionCheck check = new EditOptionCheck(PluginRegistry.of("branch",
        new Plugin("legacy", OptionKeys.undeclared()), new Plugin("plain", OptionKeys.none())));

    assertThatCode(() -> check.check("branch.legacy.anything")).doesNotThrowAnyException();
    assertThatThrownBy(() -> check.check("branch.plain.anything"))
        .hasMessageContaining("branch 'plain' knows no options");
  }

  @Test
  void theEditorRefusesAnUnknownOptionBeforeTheEditStarts() {
    var edit = Editor.bedrock(Picture.filled(32, 32, 0x406080)).replace(Region.box(8, 8, 8, 8))
        .with(Subject.of("<dog>", Picture.filled(8, 8, 0)))
        .model(Path.of("no-such-model-folder"));
    DiffusionEditRuntime runtime = new DiffusionEditRuntime(new ModelCache());

    assertThatThrownBy(() -> edit.option("branch.motion.nonsense", 3).run(runtime))
        .as("refused before the model is looked for")
        .isInstanceOf(UnknownOptionException.class)
        .hasMessageContaining("'branch.motion.nonsense'", "branch 'motion'", "ilvr-until");
    assertThatThrownBy(() -> edit.option("foo.bar", 1).run(runtime))
        .isInstanceOf(UnknownOptionException.class)
        .hasMessageContaining("'foo.bar'", "the edit");
  }

  @Test
  void theBuiltInBranchesDeclareTheKeysTheyRead() {
    PluginRegistry<BranchProvider> branches = PluginRegistry.discover(BranchProvider.class, "branch", "");

    assertThat(branches.get("appearance").optionKeys().keys()).containsExactly("adapter-scale", "init-word",
        "learning-rate", "mirror", "save-to", "shift", "source", "steps", "template", "tokens");
    assertThat(branches.get("region").optionKeys().keys()).containsExactly("feather", "jump-count", "jump-length", "seam");
    assertThat(branches.get("subject-attention").optionKeys().keys()).containsExactly("bias", "emphasis");
    assertThat(branches.get("motion").optionKeys().keys()).contains("pose", "scale", "body", "null-text",
        "round-trip", "unlike-strength", "unlike-ilvr-until", "unlike-start", "occupant").hasSize(17);
  }

  private record Plugin(String name, OptionKeys optionKeys) implements BranchProvider {
    @Override
    public ConditioningBranch create(PluginConfig config) {
      throw new UnsupportedOperationException("never started in these tests");
    }
  }
}
