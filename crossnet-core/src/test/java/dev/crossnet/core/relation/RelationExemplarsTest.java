package dev.crossnet.core.relation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossnet.core.figureworld.RelationType;
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
  void onlyTheRelationsPhraseIsReplaced() {
    assertThat(RelationExemplars.caption("a small red person with a hat next to a large dog in a park",
        RelationType.NEXT_TO, "<R>")).isEqualTo("a small red person with a hat <R> a large dog in a park");
  }
}
