package dev.crossnet.examples.cli;

import dev.crossnet.api.region.Region;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a box region written {@code x,y,width,height} in whole pixels, e.g. {@code 40,20,64,120}. */
final class BoxConverter implements ITypeConverter<Region> {

  @Override
  public Region convert(String text) {
    String[] parts = text.split(",");
    if (parts.length != 4) {
      throw new TypeConversionException("a box is x,y,width,height, e.g. 10,20,30,40; got '" + text + "'");
    }
    int[] v = new int[4];
    for (int i = 0; i < 4; i++) {
      try {
        v[i] = Integer.parseInt(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new TypeConversionException("a box is four whole numbers x,y,width,height; got '" + text + "'");
      }
    }
    try {
      return Region.box(v[0], v[1], v[2], v[3]);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
