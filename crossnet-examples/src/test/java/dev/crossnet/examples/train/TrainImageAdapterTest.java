package dev.crossnet.examples.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossnet.core.model.DefaultModel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainImageAdapterTest {

  @TempDir Path dir;

  @Test
  void theEncoderComesFromABuiltInModelsAdapter() {
    Path folder = TrainImageAdapter.encoderFolder(Path.of(DefaultModel.STANDARD));
    assertThat(folder.getFileName().toString()).isEqualTo("image_encoder");
    assertThat(Files.isRegularFile(folder.resolve("config.json"))).isTrue();
  }

  @Test
  void aModelWithoutAnEncoderIsRefusedNamingTheFolderAndTheFix() {
    assertThatThrownBy(() -> TrainImageAdapter.encoderFolder(dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--encoder-from " + dir)
        .hasMessageContaining("no image_encoder/")
        .hasMessageContaining("figureworld");
  }
}
