package dev.crossnet.core.relation;

import dev.crossnet.core.figureworld.Relation;
import dev.crossnet.core.figureworld.RelationType;
import dev.crossnet.core.figureworld.Scene;
import dev.crossnet.core.figureworld.SceneGenerator;
import dev.crossnet.core.figureworld.SceneOptions;
import dev.crossnet.core.figureworld.Split;
import java.util.ArrayList;
import java.util.List;

/**
 * FigureWorld exemplars of one relation: scenes whose truth has the relation, captioned with the relation's
 * words replaced by the placeholder ("a person holding hands with a robot" becomes "a person &lt;R&gt; a
 * robot"), as ReVersion's coarse descriptions are.
 */
public final class RelationExemplars {

  /** Seeds tried per exemplar asked for before giving up. */
  private static final int SEEDS_PER_EXEMPLAR = 200;

  private RelationExemplars() {}

  /**
   * {@code count} exemplars of {@code type} from training-split scenes of two figures, drawn from seeds
   * {@code firstSeed, firstSeed + 1, ...}.
   */
  public static List<Exemplar> figureWorld(RelationType type, int count, int size, long firstSeed,
      String placeholder) {
    return figureWorld(type, count, SceneOptions.defaults().withSize(size, size), firstSeed, placeholder);
  }

  /**
   * {@code count} exemplars of {@code type} from training-split scenes of two figures in the world of
   * {@code scenes} (its size and figure scale; its figure count, split and relation chance are overridden), drawn
   * from seeds {@code firstSeed, firstSeed + 1, ...}.
   */
  public static List<Exemplar> figureWorld(RelationType type, int count, SceneOptions scenes, long firstSeed,
      String placeholder) {
    SceneGenerator world = new SceneGenerator(scenes.withFigures(2, 2).withSplit(Split.TRAIN)
        .withRelationChance(1.0));
    List<Exemplar> out = new ArrayList<>();
    long limit = firstSeed + (long) count * SEEDS_PER_EXEMPLAR;
    for (long seed = firstSeed; out.size() < count && seed < limit; seed++) {
      Scene scene = world.generate(seed);
      if (scene.relations().stream().map(Relation::type).anyMatch(type::equals)) {
        out.add(new Exemplar(scene.picture(), caption(scene.caption(), type, placeholder)));
      }
    }
    if (out.size() < count) {
      throw new IllegalStateException("found only " + out.size() + " FigureWorld scenes with '" + type.words()
          + "' in " + (limit - firstSeed) + " seeds; ask for fewer exemplars");
    }
    return out;
  }

  /** The caption with the relation's words (which the caption grammar writes once) replaced. */
  public static String caption(String caption, RelationType type, String placeholder) {
    String words = " " + type.words() + " ";
    int at = caption.indexOf(words);
    if (at < 0) {
      throw new IllegalArgumentException("caption '" + caption + "' does not contain '" + type.words() + "'");
    }
    return caption.substring(0, at) + " " + placeholder + " " + caption.substring(at + words.length());
  }
}
