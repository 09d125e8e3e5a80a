package dev.crossnet.examples.cli;

import dev.crossnet.api.region.Box;
import dev.crossnet.api.region.Region;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads boxes at keyframes written {@code frame:x,y,width,height} and separated by {@code ;}, e.g.
 * {@code 0:10,20,30,60;15:50,20,30,60}.
 */
final class KeyframeConverter implements ITypeConverter<Map<Integer, Box>> {

  private final BoxConverter boxes = new BoxConverter();

  @Override
  public Map<Integer, Box> convert(String text) {
    Map<Integer, Box> keyframes = new TreeMap<>();
    for (String part : text.split(";")) {
      String[] frameAndBox = part.trim().split(":");
      if (frameAndBox.length != 2) {
        throw new TypeConversionException("a keyframe is frame:x,y,width,height, e.g. 0:10,20,30,60; got '" + part
            + "'");
      }
      int frame;
      try {
        frame = Integer.parseInt(frameAndBox[0].trim());
      } catch (NumberFormatException e) {
        throw new TypeConversionException("a keyframe's frame is a whole number, e.g. 0:10,20,30,60; got '" + part
            + "'");
      }
      if (frame < 0 || keyframes.containsKey(frame)) {
        throw new TypeConversionException("keyframe " + frame + " is negative or given twice in '" + text + "'");
      }
      Region box = boxes.convert(frameAndBox[1]);
      keyframes.put(frame, (Box) box);
    }
    return keyframes;
  }
}
