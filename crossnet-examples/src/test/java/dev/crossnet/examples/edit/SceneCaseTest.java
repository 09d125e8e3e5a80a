package dev.crossnet.examples.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossnet.core.figureworld.SceneGenerator;
import dev.crossnet.core.figureworld.SceneOptions;
import dev.crossnet.core.figureworld.Split;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SceneCaseTest {

  private static final SceneGenerator WORLD = new SceneGenerator(SceneOptions.defaults().withSize(64, 64)
      .withSplit(Split.HELD_OUT).withFigures(2, 3));

  private static SceneCase first() {
    return LongStream.range(1, 50).mapToObj(s -> SceneCase.of(WORLD.generate(s), 0, 1, "<it>"))
        .flatMap(Optional::stream).findFirst().orElseThrow();
  }

  @Test
  void moreSubjectPicturesShowTheDonorInOtherScenesEachWithItsMask() {
    SceneCase one = first();
    SceneCase three = one.withSubjectPictures(3, WORLD, 1000);

    assertThat(three.subject().pictures()).hasSize(3);
    assertThat(three.subject().pictures().get(0)).isSameAs(one.subject().pictures().get(0));
    assertThat(three.subject().masks()).hasSize(3).allSatisfy(m -> assertThat(m.get().coverage()).isPositive());
    assertThat(three.subject().pictures().get(1).rgbPixels()).isNotEqualTo(one.subject().pictures().get(0)
        .rgbPixels());
    assertThat(three.ideal()).isSameAs(one.ideal());
    assertThat(three.region()).isSameAs(one.region());
  }

  @Test
  void aSubjectWithoutPicturesIsRefused() {
    assertThatThrownBy(() -> first().withSubjectPictures(0, WORLD, 1)).hasMessageContaining("at least 1 picture");
  }
}
