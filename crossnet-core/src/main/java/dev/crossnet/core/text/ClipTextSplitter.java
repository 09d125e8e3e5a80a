package dev.crossnet.core.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CLIP's text clean-up and pre-tokenization: Unicode NFC (what ftfy and the fast tokenizer apply), every
 * whitespace run collapsed to one space, trimmed, lower-cased, then cut into words, single digits,
 * punctuation runs and the common English contractions.
 */
final class ClipTextSplitter {

  /** CLIP's pre-tokenization pattern (the reference applies it to lower-cased text). */
  static final String PATTERN = "<\\|startoftext\\|>|<\\|endoftext\\|>|'s|'t|'re|'ve|'m|'ll|'d"
      + "|[\\p{L}]+|[\\p{N}]|[^\\s\\p{L}\\p{N}]+";

  private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern PRE_TOKENS = Pattern.compile(PATTERN,
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

  private ClipTextSplitter() {}

  /** The cleaned, lower-cased text. */
  static String clean(String text) {
    String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
    return WHITESPACE.matcher(nfc).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
  }

  /** The pre-tokens of cleaned text. */
  static List<String> split(String cleaned) {
    List<String> out = new ArrayList<>();
    Matcher m = PRE_TOKENS.matcher(cleaned);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }
}
