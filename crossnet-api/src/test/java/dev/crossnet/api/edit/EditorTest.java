package dev.crossnet.api.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossnet.api.edit.EditResult;
import dev.crossnet.api.image.Picture;
import dev.crossnet.api.plugin.UnknownPluginException;
import dev.crossnet.api.region.Mask;
import dev.crossnet.api.region.Region;
import dev.crossnet.api.subject.Subject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class EditorTest {

  private final Picture bedrock = Picture.filled(64, 48, 0x336699);
  private final Subject dog = Subject.of("dog", Picture.filled(32, 32, 0xAA5500));

  private ReadyEdit ready() {
    return Editor.bedrock(bedrock).replace(Region.box(10, 10, 20, 20)).with(dog).sampler("test-sampler");
  }

  @Test
  void regionOutsideTheBedrockNamesBothSizes() {
    assertThatThrownBy(() -> Editor.bedrock(bedrock).replace(Region.box(50, 10, 20, 20)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outside the 64x48 bedrock")
        .hasMessageContaining("20x20");
  }

  @Test
  void maskOfAnotherSizeNamesBothSizes() {
    Mask small = Mask.of(8, 8, new boolean[64]);
    assertThatThrownBy(() -> Editor.bedrock(bedrock).replace(Region.mask(small)))
        .hasMessageContaining("8x8").hasMessageContaining("64x48");
  }

  @Test
  void regionCoveringNothingOrEverythingIsRefused() {
    assertThatThrownBy(() -> Editor.bedrock(bedrock).replace(Region.mask(Mask.of(64, 48, new boolean[64 * 48]))))
        .hasMessageContaining("covers nothing");
    assertThatThrownBy(() -> Editor.bedrock(bedrock).replace(Region.box(0, 0, 64, 48)))
        .hasMessageContaining("covers the whole 64x48 bedrock");
  }

  @Test
  void severalOptionsAtOnceAddToTheOnesSetAndReplaceTheSameKey() {
    EditSettings settings = Editor.bedrock(bedrock).replace(Region.box(1, 1, 5, 5))
        .with(Subject.of("<s>", bedrock)).option("branch.motion", false).option("branch.region.feather", 2)
        .options(Map.of("branch.region.feather", "4", "branch.motion.ilvr-factor", "1")).settings();
    assertThat(settings.options().getBoolean("branch.motion", true)).isFalse();
    assertThat(settings.options().getInt("branch.region.feather", 0)).isEqualTo(4);
    assertThat(settings.options().getInt("branch.motion.ilvr-factor", 0)).isEqualTo(1);
  }

  @Test
  void emptySubjectListIsRefusedWithTheFix() {
    assertThatThrownBy(() -> Editor.bedrock(bedrock).replace(Region.box(1, 1, 5, 5)).with(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no subject given")
        .hasMessageContaining("with(Subject.of(");
  }

  @Test
  void moreSubjectsThanRegionsIsRefused() {
    Subject cat = Subject.of("cat", Picture.filled(8, 8, 0));
    assertThatThrownBy(() -> Editor.bedrock(bedrock).replace(Region.box(1, 1, 5, 5)).with(List.of(dog, cat)))
        .hasMessageContaining("more subjects than regions");
  }

  @Test
  void subjectWithoutPicturesIsRefused() {
    assertThatThrownBy(() -> Subject.of("dog", List.of())).hasMessageContaining("no reference pictures");
  }

  @Test
  void stepsMustBePositive() {
    assertThatThrownBy(() -> ready().steps(0)).hasMessageContaining("steps must be at least 1, got 0");
    assertThatThrownBy(() -> ready().steps(-3)).hasMessageContaining("got -3");
  }

  @Test
  void strengthMustLieInTheHalfOpenUnitInterval() {
    assertThatThrownBy(() -> ready().strength(0)).hasMessageContaining("strength must lie in (0, 1]");
    assertThatThrownBy(() -> ready().strength(1.5)).hasMessageContaining("got 1.5");
    assertThat(ready().strength(1.0).settings().strength()).hasValue(1.0);
  }

  @Test
  void strengthLeftOutIsTheModels() {
    assertThat(ready().settings().strength()).as("left to the runtime, which picks the model's own").isEmpty();
  }

  @Test
  void unknownSamplerListsTheKnownOnes() {
    assertThatThrownBy(() -> ready().sampler("dmp").request())
        .isInstanceOf(UnknownPluginException.class)
        .hasMessageContaining("unknown sampler 'dmp'")
        .hasMessageContaining("test-sampler");
  }

  @Test
  void runWithoutARuntimeOnTheClassPathSaysWhichJarToAdd() {
    assertThatThrownBy(() -> ready().seed(1).run())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no CrossNet runtime on the class path")
        .hasMessageContaining("crossnet-core");
  }

  @Test
  void optionsChainFromEveryStageAndStagesAreNotChangedByLaterCalls() {
    BedrockStage start = Editor.bedrock(bedrock).steps(20).prompt("a dog");
    RegionStage region = start.replace(Region.box(1, 1, 5, 5)).guidanceScale(3);
    ReadyEdit a = region.with(dog).seed(7);
    ReadyEdit b = a.seed(8);
    assertThat(a.settings().seed()).hasValue(7);
    assertThat(b.settings().seed()).hasValue(8);
    assertThat(a.settings().steps()).isEqualTo(20);
    assertThat(a.settings().guidanceScale()).isEqualTo(3.0);
    assertThat(start.settings().guidanceScale()).isEqualTo(EditSettings.DEFAULT_GUIDANCE_SCALE);
  }

  @Test
  void severalSubjectsEachGetTheirRegion() {
    Subject cat = Subject.of("cat", Picture.filled(8, 8, 0));
    EditRequest request = ready().replace(Region.box(40, 10, 10, 10)).with(cat).seed(3).request();
    assertThat(request.replacements()).extracting(r -> r.subject().word()).containsExactly("dog", "cat");
  }

  @Test
  void twoSubjectsWithOneWordAreRefused() {
    Subject otherDog = Subject.of("dog", Picture.filled(8, 8, 0));
    assertThatThrownBy(() -> ready().replace(Region.box(40, 10, 10, 10)).with(otherDog))
        .hasMessageContaining("two subjects use the word 'dog'");
  }

  @Test
  void runHandsTheRuntimeTheRequestAndLeavesTheBuilderReusable() {
    AtomicReference<EditRequest> seen = new AtomicReference<>();
    ReadyEdit edit = ready().seed(42).prompt("a dog");
    EditResult result = edit.run(request -> {
      seen.set(request);
      return new EditResult(request.bedrock(), request.seed(), Map.of("sample", Duration.ofMillis(5)), Map.of());
    });
    assertThat(result.seed()).isEqualTo(42);
    assertThat(seen.get().settings().prompt()).isEqualTo("a dog");
    EditResult again = edit.seed(43).run(r -> new EditResult(r.bedrock(), r.seed(), Map.of(), Map.of()));
    assertThat(again.seed()).isEqualTo(43);
    assertThat(edit.settings().seed()).hasValue(42);
  }

  @Test
  void aRandomSeedIsChosenAndReportedWhenNoneIsGiven() {
    EditRequest request = ready().request();
    assertThat(request.settings().seed()).isEmpty();
    assertThat(ready().seed(request.seed()).request().seed()).isEqualTo(request.seed());
  }
}
