package dev.crossnet.core.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossnet.api.branch.BranchRun;
import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.api.plugin.PluginRegistry;
import dev.crossnet.api.sampler.SamplerPlan;
import dev.crossnet.api.sampler.SamplerProvider;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Where the denoising loop starts when branches ask for more strength than the edit's. */
class LoopStartTest {

  private static final SamplerPlan PLAN = PluginRegistry.discover(SamplerProvider.class, "sampler", "").get("ddim")
      .create(PluginConfig.empty()).plan(10);

  private static BranchRun asking(double strength) {
    return new BranchRun() {
      @Override
      public OptionalDouble strength() {
        return OptionalDouble.of(strength);
      }
    };
  }

  @Test
  void withoutAnAskTheLoopStartsAtTheEditsOwnStart() {
    Map<String, String> record = new HashMap<>();
    int own = PLAN.startIndex(0.8);

    int start = DiffusionEditRuntime.loopStart(PLAN, own, 0.8, List.of(new BranchRun() { }, asking(0.5)),
        List.of("quiet", "weaker"), record);

    assertThat(start).isEqualTo(own);
    assertThat(record).isEmpty();
  }

  @Test
  void theLargestStrengthAskedMovesTheStartEarlierAndIsRecorded() {
    Map<String, String> record = new HashMap<>();
    int own = PLAN.startIndex(0.6);

    int start = DiffusionEditRuntime.loopStart(PLAN, own, 0.6, List.of(asking(0.8), asking(1.0)),
        List.of("some", "most"), record);

    assertThat(start).isEqualTo(PLAN.startIndex(1.0)).isLessThan(own);
    assertThat(record).containsEntry("strength.loop", "1.0").containsEntry("strength.raised-by", "some,most")
        .containsEntry("start-index", Integer.toString(start));
  }

  @Test
  void aStrengthOutsideZeroToOneIsRefusedNamingTheBranch() {
    assertThatThrownBy(() -> DiffusionEditRuntime.loopStart(PLAN, 2, 0.8, List.of(asking(1.5)), List.of("odd"),
        new HashMap<>())).hasMessageContaining("branch 'odd' asked for strength 1.5");
  }
}
