package dev.crossnet.core.text;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.Map;

/**
 * Builds the Hugging Face {@code tokenizer.json} equivalent of a {@link ClipTokenizer}, with the same
 * pipeline Hugging Face's own CLIP conversion uses: NFC, whitespace runs to one space, lower case; CLIP's
 * regex kept as pre-tokens; byte-level symbols; BPE with {@code </w>}; bos/eos added around the text.
 * Placeholders become non-special added tokens matched on the raw text.
 */
final class ClipTokenizerJson {

  private ClipTokenizerJson() {}

  static String toJson(ClipTokenizer t) {
    JsonObject root = new JsonObject();
    root.addProperty("version", "1.0");
    root.add("truncation", JsonNull.INSTANCE);
    root.add("padding", JsonNull.INSTANCE);
    JsonArray added = new JsonArray();
    added.add(addedToken(t.bosId(), ClipTokenizer.START, true));
    added.add(addedToken(t.eosId(), ClipTokenizer.END, true));
    t.placeholders().forEach((token, id) -> added.add(addedToken(id, token, false)));
    root.add("added_tokens", added);
    root.add("normalizer", normalizer());
    root.add("pre_tokenizer", preTokenizer());
    root.add("post_processor", postProcessor(t));
    // byte-level decoding leaves the "</w>" word ends in place; HuggingFaceClipTokenizer turns them into spaces
    root.add("decoder", byteLevel());
    root.add("model", model(t));
    return TokenizerFiles.GSON.toJson(root);
  }

  static JsonObject addedToken(int id, String content, boolean special) {
    JsonObject o = new JsonObject();
    o.addProperty("id", id);
    o.addProperty("content", content);
    o.addProperty("single_word", false);
    o.addProperty("lstrip", false);
    o.addProperty("rstrip", false);
    // markers go through the normalizer like text; placeholders are matched exactly as written
    o.addProperty("normalized", special);
    o.addProperty("special", special);
    return o;
  }

  private static JsonObject normalizer() {
    JsonArray steps = new JsonArray();
    steps.add(typed("NFC"));
    JsonObject replace = typed("Replace");
    replace.add("pattern", regex("\\s+"));
    replace.addProperty("content", " ");
    steps.add(replace);
    steps.add(typed("Lowercase"));
    JsonObject seq = typed("Sequence");
    seq.add("normalizers", steps);
    return seq;
  }

  private static JsonObject preTokenizer() {
    JsonObject split = typed("Split");
    split.add("pattern", regex(ClipTextSplitter.PATTERN));
    // keep what the pattern matches and drop the rest (whitespace), as the reference's findall does
    split.addProperty("behavior", "Removed");
    split.addProperty("invert", true);
    JsonArray steps = new JsonArray();
    steps.add(split);
    steps.add(byteLevel());
    JsonObject seq = typed("Sequence");
    seq.add("pretokenizers", steps);
    return seq;
  }

  private static JsonObject byteLevel() {
    JsonObject b = typed("ByteLevel");
    b.addProperty("add_prefix_space", false);
    b.addProperty("trim_offsets", true);
    b.addProperty("use_regex", false);
    return b;
  }

  private static JsonObject postProcessor(ClipTokenizer t) {
    JsonObject p = typed("RobertaProcessing");
    p.add("sep", marker(ClipTokenizer.END, t.eosId()));
    p.add("cls", marker(ClipTokenizer.START, t.bosId()));
    p.addProperty("trim_offsets", false);
    p.addProperty("add_prefix_space", false);
    return p;
  }

  /** A marker as the post-processor names it: [token, id]. */
  private static JsonArray marker(String token, int id) {
    JsonArray a = new JsonArray();
    a.add(token);
    a.add(id);
    return a;
  }

  private static JsonObject model(ClipTokenizer t) {
    JsonObject m = typed("BPE");
    m.add("dropout", JsonNull.INSTANCE);
    m.addProperty("unk_token", ClipTokenizer.END);
    m.addProperty("continuing_subword_prefix", "");
    m.addProperty("end_of_word_suffix", BytePairEncoder.END_OF_WORD);
    m.addProperty("fuse_unk", false);
    m.addProperty("byte_fallback", false);
    JsonObject vocab = new JsonObject();
    t.vocabulary().entrySet().stream().sorted(Map.Entry.comparingByValue())
        .forEach(e -> vocab.addProperty(e.getKey(), e.getValue()));
    m.add("vocab", vocab);
    JsonArray merges = new JsonArray();
    t.merges().forEach(merges::add);
    m.add("merges", merges);
    return m;
  }

  private static JsonObject typed(String type) {
    JsonObject o = new JsonObject();
    o.addProperty("type", type);
    return o;
  }

  private static JsonObject regex(String pattern) {
    JsonObject o = new JsonObject();
    o.addProperty("Regex", pattern);
    return o;
  }
}
