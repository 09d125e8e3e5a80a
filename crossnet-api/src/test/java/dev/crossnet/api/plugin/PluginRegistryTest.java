package dev.crossnet.api.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PluginRegistryTest {

  private static PluginRegistry<GreeterProvider> discover() {
    return PluginRegistry.discover(GreeterProvider.class, "greeter", "add the greeter jar");
  }

  @Test
  void findsPluginsDeclaredInMetaInfServices() {
    assertThat(discover().names()).containsExactlyInAnyOrder("hello", "ahoy", "zulu");
  }

  @Test
  void listsPluginsByOrderThenName() {
    assertThat(discover().names()).containsExactly("hello", "zulu", "ahoy");
  }

  @Test
  void createsThePluginNamed() {
    assertThat(discover().get("hello").create(PluginConfig.of("who", "plugins"))).isEqualTo("hello plugins");
  }

  @Test
  void unknownNameListsTheKnownNamesAndTheHint() {
    assertThatThrownBy(() -> discover().get("bonjour"))
        .isInstanceOf(UnknownPluginException.class)
        .hasMessageContaining("unknown greeter 'bonjour'")
        .hasMessageContaining("ahoy, hello, zulu")
        .hasMessageContaining("add the greeter jar");
  }

  @Test
  void twoClassesWithOneNameAreRefusedNamingBoth() {
    GreeterProvider impostor = new GreeterProvider() {
      @Override
      public String name() {
        return "hello";
      }

      @Override
      public String create(PluginConfig config) {
        return "impostor";
      }
    };
    assertThatThrownBy(() -> discover().with(impostor))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("two greeter providers are named 'hello'")
        .hasMessageContaining(HelloGreeter.class.getName());
  }

  @Test
  void badPluginNamesAreRefused() {
    GreeterProvider shouting = new GreeterProvider() {
      @Override
      public String name() {
        return "LOUD NAME";
      }

      @Override
      public String create(PluginConfig config) {
        return "";
      }
    };
    assertThatThrownBy(() -> PluginRegistry.of("greeter", shouting))
        .hasMessageContaining("'LOUD NAME'")
        .hasMessageContaining("must match");
  }

  @Test
  void describeNamesEveryProviderClass() {
    assertThat(discover().describe()).contains(HelloGreeter.class.getName(), AhoyGreeter.class.getName());
  }
}
