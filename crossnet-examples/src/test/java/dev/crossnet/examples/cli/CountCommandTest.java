package dev.crossnet.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossnet.api.image.Picture;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crossnet edit --count N} without a bedrock: a demo scene of one figure whose box is asked for N of it. */
class CountCommandTest {

  @Test
  void theDemoAsksABoxAboutOneFigureForTwoAndChangesNothingOutsideIt(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("edit.png");

    CliRun run = CliRun.of("edit", "--count", "2", "--steps", "2", "--out", out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    Matcher box = Pattern.compile("the box (\\d+),(\\d+),(\\d+),(\\d+) asked for 2 of its figure").matcher(run.out());
    assertThat(box.find()).as(run.out()).isTrue();
    int x = Integer.parseInt(box.group(1));
    int y = Integer.parseInt(box.group(2));
    int w = Integer.parseInt(box.group(3));
    int h = Integer.parseInt(box.group(4));
    Picture bedrock = Picture.read(dir.resolve("bedrock.png"));
    Picture edited = Picture.read(out);
    int changedInside = 0;
    for (int py = 0; py < bedrock.height(); py++) {
      for (int px = 0; px < bedrock.width(); px++) {
        boolean inside = px >= x && px < x + w && py >= y && py < y + h;
        if (!inside) {
          assertThat(edited.rgb(px, py)).as("pixel (%d, %d) outside the box", px, py).isEqualTo(bedrock.rgb(px, py));
        } else if (edited.rgb(px, py) != bedrock.rgb(px, py)) {
          changedInside++;
        }
      }
    }
    assertThat(changedInside).as("pixels redrawn in the box").isGreaterThan(w * h / 4);
  }
}
