package dev.crossnet.core.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The edit runtime and its branches work the same on any model: no source file under {@code core/edit} names
 * FigureWorld's packages or its judge; what knows FigureWorld is a reader plugin ({@code core/figureworld/reading}).
 */
class EditRuntimeWorldFreeTest {

  private static final Path EDIT = Path.of("src", "main", "java", "dev", "crossnet", "core", "edit");

  @Test
  void noEditSourceNamesFigureWorldOrTheJudge() throws IOException {
    assertThat(EDIT).isDirectory();
    List<String> offenders;
    try (Stream<Path> files = Files.walk(EDIT)) {
      offenders = files.filter(f -> f.toString().endsWith(".java")).filter(f -> {
        try {
          String s = Files.readString(f);
          return s.contains("dev.crossnet.core.figureworld") || s.contains("dev.crossnet.core.judge");
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).map(Path::toString).sorted().toList();
    }
    assertThat(offenders).as("edit sources that name FigureWorld or the judge").isEmpty();
  }
}
