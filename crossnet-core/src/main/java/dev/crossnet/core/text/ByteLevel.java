package dev.crossnet.core.text;

import java.nio.charset.StandardCharsets;

/**
 * GPT-2 / CLIP byte-level alphabet: each of the 256 byte values gets a printable character (printable
 * Latin-1 bytes stand for themselves, the others are shifted to 256 and up), so BPE can work on text
 * while covering every byte sequence.
 */
final class ByteLevel {

  private static final char[] BYTE_TO_CHAR = new char[256];
  private static final int[] CHAR_TO_BYTE = new int[512];

  static {
    java.util.Arrays.fill(CHAR_TO_BYTE, -1);
    int shifted = 0;
    for (int b = 0; b < 256; b++) {
      boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
      char c = (char) (printable ? b : 256 + shifted++);
      BYTE_TO_CHAR[b] = c;
      CHAR_TO_BYTE[c] = b;
    }
  }

  private ByteLevel() {}

  /** The UTF-8 bytes of the text, each written as its stand-in character. */
  static String encode(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    char[] out = new char[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      out[i] = BYTE_TO_CHAR[bytes[i] & 0xFF];
    }
    return new String(out);
  }

  /** Stand-in characters back to text; characters outside the alphabet are kept as they are. */
  static String decode(String symbols) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(symbols.length());
    for (int i = 0; i < symbols.length(); i++) {
      char c = symbols.charAt(i);
      int b = c < CHAR_TO_BYTE.length ? CHAR_TO_BYTE[c] : -1;
      if (b >= 0) {
        bytes.write(b);
      } else {
        byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(raw, 0, raw.length);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
