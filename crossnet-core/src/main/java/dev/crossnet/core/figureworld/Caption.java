package dev.crossnet.core.figureworld;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a scene's caption from its truth, e.g. {@code "two small blue dogs sitting in a park"} or
 * {@code "a large red person with a hat holding hands with a large white robot in a room"}.
 *
 * <p>Grammar: figures in a relation are described as "A relation B"; every other figure is grouped with the
 * figures identical to it ("two ... dogs"), in order of first appearance; the parts are joined by "and" and
 * the background phrase ends the caption. Every figure phrase starts with a count word ({@code a}, {@code
 * two}, {@code three}, {@code four}) followed by a size word, so figures can be counted from the words.
 */
public final class Caption {

  private static final String[] COUNTS = {"", "a", "two", "three", "four"};

  private Caption() {}

  /** The caption of a layout. */
  public static String of(SceneLayout layout) {
    List<String> parts = new ArrayList<>();
    boolean[] described = new boolean[layout.figures().size()];
    for (Relation r : layout.relations()) {
      Figure subject = layout.figures().get(r.subject()).figure();
      String target = r.type() == RelationType.ON_TOP_OF ? "a " + layout.objects().get(r.target()).kind().noun()
          : phrase(layout.figures().get(r.target()).figure(), 1);
      parts.add(phrase(subject, 1) + " " + r.type().words() + " " + target);
      described[r.subject()] = true;
      if (r.type() != RelationType.ON_TOP_OF) {
        described[r.target()] = true;
      }
    }
    Map<Figure, Integer> groups = new LinkedHashMap<>();
    for (int i = 0; i < described.length; i++) {
      if (!described[i]) {
        groups.merge(layout.figures().get(i).figure(), 1, Integer::sum);
      }
    }
    groups.forEach((f, n) -> parts.add(phrase(f, n)));
    return String.join(" and ", parts) + " " + layout.background().phrase();
  }

  /** The phrase for n identical figures, e.g. {@code "a small red robot with a hat waving"}. */
  public static String phrase(Figure f, int n) {
    if (n < 1 || n >= COUNTS.length) {
      throw new IllegalArgumentException("captions count 1 to " + (COUNTS.length - 1) + " figures, got " + n);
    }
    return COUNTS[n] + " " + look(f, n) + " " + f.pose().word();
  }

  /** One figure's look in caption words, without count or pose, e.g. {@code "small red robot with a hat"}. */
  public static String look(Figure f) {
    return look(f, 1);
  }

  /** The look of n identical figures: size, colour, kind (plural for several) and hats. */
  private static String look(Figure f, int n) {
    Appearance a = f.appearance();
    String words = a.size().word() + " " + a.colour().word() + " " + (n == 1 ? f.kind().noun() : f.kind().plural());
    return a.hat() ? words + (n == 1 ? " with a hat" : " with hats") : words;
  }

  /** The number a count word stands for (a = 1, two = 2, ...), or 0 when the word is not a count word. */
  public static int countOf(String word) {
    int i = Arrays.asList(COUNTS).indexOf(word);
    return Math.max(0, i);
  }

  /** A caption's words, split at spaces. */
  public static List<String> words(String caption) {
    return List.of(caption.trim().split(" +"));
  }
}
