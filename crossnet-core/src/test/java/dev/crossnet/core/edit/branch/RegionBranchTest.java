package dev.crossnet.core.edit.branch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossnet.api.plugin.PluginConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegionBranchTest {

  @Test
  void theDefaultFeatherIsTwoPixelsAndOneBelowSixtyFour() {
    assertThat(RegionBranch.defaultFeather(16)).isEqualTo(1);
    assertThat(RegionBranch.defaultFeather(32)).isEqualTo(1);
    assertThat(RegionBranch.defaultFeather(63)).isEqualTo(1);
    assertThat(RegionBranch.defaultFeather(64)).isEqualTo(2);
    assertThat(RegionBranch.defaultFeather(128)).isEqualTo(2);
    assertThat(RegionBranch.defaultFeather(512)).isEqualTo(2);
  }

  @Test
  void aSeamOtherThanInsideOrOutsideIsRefusedNamingBoth() {
    assertThat(RegionBranch.seam(PluginConfig.empty())).isEqualTo(RegionBranch.SEAM_INSIDE);
    assertThatThrownBy(() -> RegionBranch.seam(PluginConfig.of(Map.of("seam", "middle"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inside").hasMessageContaining("outside");
  }
}
