package dev.crossnet.examples.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossnet.core.model.DefaultModel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainInpaintingTest {

  @Test
  void startsFromTheShippedInpaintingUnetByName() {
    Path unet = TrainInpainting.startingUnet(DefaultModel.MAIN_SUBJECT_INPAINTING);
    assertThat(unet).isEqualTo(DefaultModel.folder(DefaultModel.MAIN_SUBJECT_INPAINTING).resolve("unet"));
  }

  @Test
  void refusesATextToImageUnetAndNamesTheInpaintingModel() {
    assertThatThrownBy(() -> TrainInpainting.startingUnet(DefaultModel.MAIN_SUBJECT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("text-to-image UNet").hasMessageContaining("figureworld-v2-inpainting");
  }

  @Test
  void refusesAFolderWithoutAUnetAndListsTheBuiltInNames(@TempDir Path dir) {
    assertThatThrownBy(() -> TrainInpainting.startingUnet(dir.toString()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no diffusers UNet folder").hasMessageContaining(DefaultModel.MAIN_SUBJECT);
  }
}
