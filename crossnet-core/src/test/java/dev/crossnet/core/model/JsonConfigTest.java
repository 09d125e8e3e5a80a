package dev.crossnet.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonConfigTest {

  @Test
  void aValueOfTheWrongKindIsRefusedNamingTheFileAndKey() {
    JsonConfig config = JsonConfig.parse("/m/vae/config.json", "{\"in_channels\": {}, \"flag\": 1, \"name\": [1]}");

    assertThatThrownBy(() -> config.getInt("in_channels", 3)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("/m/vae/config.json: 'in_channels' is {} but must be a whole number; the config is damaged or "
            + "belongs to another kind of model: fix 'in_channels' in /m/vae/config.json");
    assertThatThrownBy(() -> config.getBoolean("flag", false)).hasMessageContaining("'flag' is 1 but must be true or false");
    assertThatThrownBy(() -> config.getString("name", "")).hasMessageContaining("'name' is [1] but must be a string");
  }

  @Test
  void aNumberThatIsNotAWholeIntIsRefusedRatherThanCut() {
    // Gson reads 3.7 as 3 and 1e300 as 0
    JsonConfig config = JsonConfig.parse("c.json", "{\"a\": 3.7, \"b\": 1e300, \"c\": 64.0}");

    assertThatThrownBy(() -> config.getInt("a", 0)).hasMessageContaining("'a' is 3.7 but must be a whole number");
    assertThatThrownBy(() -> config.requireInt("b")).hasMessageContaining("'b' is 1e300 but must be a whole number");
    assertThat(config.getInt("c", 0)).isEqualTo(64);
  }

  @Test
  void aNestedObjectIsReadAsAConfigNamingItsParentKey() {
    JsonConfig config = JsonConfig.parse("p.json", "{\"size\": {\"shortest_edge\": 224}, \"flat\": 3}");

    assertThat(config.isObject("size")).isTrue();
    assertThat(config.isObject("flat")).isFalse();
    assertThat(config.object("size").requireInt("shortest_edge")).isEqualTo(224);
    assertThat(config.object("absent")).isNull();
    assertThatThrownBy(() -> config.object("size").requireInt("height")).hasMessage("p.json: size: required key 'height' is missing");
    assertThatThrownBy(() -> config.object("flat")).hasMessageContaining("'flat' is 3 but must be an object");
  }

  @Test
  void aListOfNumbersIsReadOrRefusedNamingTheKey() {
    JsonConfig config = JsonConfig.parse("p.json", "{\"mean\": [0.5, 0.25, 1], \"std\": [0.5, \"x\"]}");

    assertThat(config.getFloats("mean", null)).containsExactly(0.5f, 0.25f, 1f);
    assertThat(config.getFloats("absent", new float[] {2f})).containsExactly(2f);
    assertThatThrownBy(() -> config.getFloats("std", null)).hasMessageContaining("'std' is [0.5,\"x\"] but must be a list of numbers");
  }
}
