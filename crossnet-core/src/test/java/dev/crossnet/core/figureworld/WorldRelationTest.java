package dev.crossnet.core.figureworld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class WorldRelationTest {

  private static final List<Scene> SCENES = Scenes.many(new SceneGenerator(SceneOptions.defaults()
      .withRelationChance(1)), 150);

  private static Placement at(Scene s, int figure) {
    return s.layout().figures().get(figure).placement();
  }

  @Test
  void aFigureBehindAnotherStandsHigherSmallerAndIsDrawnFirst() {
    for (Scene s : SCENES) {
      for (Relation r : s.relations()) {
        if (r.type() == RelationType.BEHIND) {
          assertThat(at(s, r.subject()).y()).isLessThan(at(s, r.target()).y());
          assertThat(at(s, r.subject()).depth()).isLessThan(at(s, r.target()).depth());
          List<Integer> order = s.layout().drawOrder();
          assertThat(order.indexOf(r.subject())).isLessThan(order.indexOf(r.target()));
        }
      }
    }
  }

  @Test
  void facingFiguresTurnTowardsEachOther() {
    for (Scene s : SCENES) {
      for (Relation r : s.relations()) {
        if (r.type() == RelationType.FACING) {
          Placement a = at(s, r.subject());
          Placement b = at(s, r.target());
          assertThat(a.facingRight()).isEqualTo(a.x() < b.x());
          assertThat(b.facingRight()).isEqualTo(b.x() < a.x());
        }
      }
    }
  }

  @Test
  void figuresNextToEachOtherShareTheGroundLine() {
    for (Scene s : SCENES) {
      for (Relation r : s.relations()) {
        if (r.type() == RelationType.NEXT_TO || r.type() == RelationType.HOLDING_HANDS) {
          assertThat(at(s, r.subject()).y()).isEqualTo(at(s, r.target()).y());
        }
      }
    }
  }

  @Test
  void aFigureOnTopOfAPropStandsOnItsTop() {
    for (Scene s : SCENES) {
      for (Relation r : s.relations()) {
        if (r.type() == RelationType.ON_TOP_OF) {
          SceneObject o = s.layout().objects().get(r.target());
          assertThat(o.kind().carries()).isTrue();
          assertThat(at(s, r.subject()).y()).isCloseTo(o.y() - o.kind().height(), within(1e-9));
          assertThat(s.caption()).contains("on top of a " + o.kind().noun());
        }
      }
    }
  }
}
