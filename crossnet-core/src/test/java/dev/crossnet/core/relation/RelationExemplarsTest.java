package dev.crossnet.core.relation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossnet.core.figureworld.RelationType;
import dev.crossnet.core.figureworld.SceneOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

class RelationExemplarsTest {

  @Test
  void captionsPutThePlaceholderWhereTheRelationsWordsWere() {
    List<Exemplar> ex = RelationExemplars.figureWorld(RelationType.HOLDING_HANDS, 2, 32, 0, "<R>");
    assertThat(ex).hasSize(2);
    assertThat(ex).allSatisfy(e -> {
      assertThat(e.caption()).contains(" <R> ").doesNotContain("holding hands with");
      assertThat(e.picture().width()).isEqualTo(32);
    });
  }

  @Test
  void exemplarsComeFromTheWorldTheOptionsDescribe() {
    SceneOptions mainSubject = SceneOptions.mainSubject().withSize(64, 64);
    List<Exemplar> large = RelationExemplars.figureWorld(RelationType.NEXT_TO, 2, mainSubject, 0, "<R>");
    List<Exemplar> standard = RelationExemplars.figureWorld(RelationType.NEXT_TO, 2, 64, 0, "<R>");
    assertThat(large).allSatisfy(e -> assertThat(e.caption()).contains(" <R> "));
    assertThat(large.get(0).picture().width()).isEqualTo(64);
    assertThat(large.get(0).picture().rgbPixels()).isNotEqualTo(standard.get(0).picture().rgbPixels());
  }

  @Test
  void onlyTheRelationsPhraseIsReplaced() {
    assertThat(RelationExemplars.caption("a small red person with a hat next to a large dog in a park",
        RelationType.NEXT_TO, "<R>")).isEqualTo("a small red person with a hat <R> a large dog in a park");
  }
}
