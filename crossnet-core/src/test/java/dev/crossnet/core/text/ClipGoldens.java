package dev.crossnet.core.text;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.crossnet.core.testing.SharedFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The OpenAI CLIP tokenizer's outputs stored in the shared goldens. */
final class ClipGoldens {

  record Case(String text, int[] ids, int[] padded77) {
    @Override
    public String toString() {
      return "\"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"";
    }
  }

  private ClipGoldens() {}

  private static volatile ClipTokenizer reference;

  /** The folder with vocab.json + merges.txt; skips the test when the shared folder is absent. */
  static Path folder() {
    return SharedFolder.resolve("goldens/clip-tokenizer");
  }

  /** One shared, unmodified tokenizer over the reference vocabulary (skips when absent). */
  static ClipTokenizer reference() {
    Path folder = folder();
    if (reference == null) {
      reference = ClipTokenizer.load(folder);
    }
    return reference;
  }

  /**
   * The reference cases. Without the shared folder this is one stand-in case, so that each parameterized
   * test still runs once and reports the skip (with its reason) through {@link #folder()}.
   */
  static List<Case> cases() throws IOException {
    if (!SharedFolder.has("goldens/clip-tokenizer/cases.json")) {
      return List.of(new Case("(golden data absent)", new int[0], new int[0]));
    }
    Path file = folder().resolve("cases.json");
    List<Case> cases = new ArrayList<>();
    for (JsonElement e : JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonArray()) {
      var o = e.getAsJsonObject();
      cases.add(new Case(o.get("text").getAsString(), ints(o.get("ids")), ints(o.get("padded77_eos"))));
    }
    return cases;
  }

  private static int[] ints(JsonElement array) {
    return array.getAsJsonArray().asList().stream().mapToInt(JsonElement::getAsInt).toArray();
  }
}
