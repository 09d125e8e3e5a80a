package dev.crossnet.core.figureworld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FigureKindTest {

  @Test
  void humanoidsFourLeggedAnimalsAndBirdsEachShareASkeletonOnlyAmongThemselves() {
    assertThat(FigureKind.PERSON.sharesSkeleton(FigureKind.ROBOT)).isTrue();
    assertThat(FigureKind.DOG.sharesSkeleton(FigureKind.CAT)).isTrue();
    assertThat(FigureKind.BIRD.sharesSkeleton(FigureKind.BIRD)).isTrue();
    assertThat(FigureKind.PERSON.sharesSkeleton(FigureKind.DOG)).isFalse();
    assertThat(FigureKind.CAT.sharesSkeleton(FigureKind.BIRD)).isFalse();
    assertThat(FigureKind.BIRD.sharesSkeleton(FigureKind.ROBOT)).isFalse();
  }

  @Test
  void aKindIsFoundByItsNounAndAnUnknownNounListsTheKnownOnes() {
    assertThat(FigureKind.ofNoun("robot")).isEqualTo(FigureKind.ROBOT);
    assertThatThrownBy(() -> FigureKind.ofNoun("horse")).hasMessageContaining("'horse' is not a FigureWorld kind")
        .hasMessageContaining("[person, robot, dog, cat, bird]");
  }
}
