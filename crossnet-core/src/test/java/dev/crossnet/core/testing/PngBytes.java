package dev.crossnet.core.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

/**
 * A minimal PNG encoder for tests: any colour type and bit depth PNG allows, from raw samples, so a test can
 * make exactly the file it wants (ImageIO's writer cannot make every type).
 */
public final class PngBytes {

  public static final int GREY = 0;
  public static final int RGB = 2;
  public static final int PALETTE = 3;
  public static final int GREY_ALPHA = 4;
  public static final int RGBA = 6;

  private PngBytes() {}

  /** Samples per pixel of a colour type. */
  public static int channels(int colourType) {
    return switch (colourType) {
      case GREY, PALETTE -> 1;
      case GREY_ALPHA -> 2;
      case RGB -> 3;
      case RGBA -> 4;
      default -> throw new IllegalArgumentException("colour type " + colourType);
    };
  }

  /**
   * A PNG of {@code samples} (row by row, {@code channels(colourType)} per pixel, each below 2^bitDepth);
   * {@code palette} holds packed 0xRRGGBB entries for colour type 3 and is ignored otherwise.
   */
  public static byte[] encode(int width, int height, int colourType, int bitDepth, int[] samples, int[] palette) {
    try {
      ByteArrayOutputStream file = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(file);
      out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
      ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
      DataOutputStream h = new DataOutputStream(ihdr);
      h.writeInt(width);
      h.writeInt(height);
      h.writeByte(bitDepth);
      h.writeByte(colourType);
      h.writeByte(0);
      h.writeByte(0);
      h.writeByte(0);
      chunk(out, "IHDR", ihdr.toByteArray());
      if (colourType == PALETTE) {
        byte[] plte = new byte[palette.length * 3];
        for (int i = 0; i < palette.length; i++) {
          plte[3 * i] = (byte) (palette[i] >> 16);
          plte[3 * i + 1] = (byte) (palette[i] >> 8);
          plte[3 * i + 2] = (byte) palette[i];
        }
        chunk(out, "PLTE", plte);
      }
      chunk(out, "IDAT", deflate(rows(width, height, channels(colourType), bitDepth, samples)));
      chunk(out, "IEND", new byte[0]);
      return file.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] rows(int width, int height, int channels, int bitDepth, int[] samples) {
    int bitsPerRow = width * channels * bitDepth;
    int bytesPerRow = (bitsPerRow + 7) / 8;
    byte[] raw = new byte[height * (bytesPerRow + 1)];
    for (int y = 0; y < height; y++) {
      int rowStart = y * (bytesPerRow + 1) + 1; // filter byte 0 (none) before each row
      for (int i = 0; i < width * channels; i++) {
        int v = samples[y * width * channels + i];
        if (bitDepth == 16) {
          raw[rowStart + 2 * i] = (byte) (v >> 8);
          raw[rowStart + 2 * i + 1] = (byte) v;
        } else if (bitDepth == 8) {
          raw[rowStart + i] = (byte) v;
        } else {
          int bit = i * bitDepth;
          int shift = 8 - bitDepth - (bit % 8);
          raw[rowStart + bit / 8] |= (byte) (v << shift);
        }
      }
    }
    return raw;
  }

  private static byte[] deflate(byte[] raw) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (DeflaterOutputStream d = new DeflaterOutputStream(b)) {
      d.write(raw);
    }
    return b.toByteArray();
  }

  private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    out.writeInt(data.length);
    out.write(name);
    out.write(data);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    out.writeInt((int) crc.getValue());
  }
}
