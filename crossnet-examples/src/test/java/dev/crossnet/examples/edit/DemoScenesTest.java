package dev.crossnet.examples.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossnet.core.figureworld.Scene;
import org.junit.jupiter.api.Test;

class DemoScenesTest {

  @Test
  void eachWorldGivesAnEditableTwoFigureSceneAtItsOwnSize() {
    Scene standard = DemoScenes.from(7);
    Scene mainSubject = DemoScenes.mainSubjectFrom(7);

    assertThat(standard.width()).isEqualTo(64);
    assertThat(mainSubject.width()).isEqualTo(128);
    for (Scene scene : new Scene[] {standard, mainSubject}) {
      assertThat(scene.figures()).hasSize(2);
      assertThat(scene.idealEditLike(0, 1).region().coverage()).isBetween(0.0, 1.0).isNotIn(0.0, 1.0);
      assertThat(scene.figures().get(1).visiblePixels()).isPositive();
    }
  }
}
