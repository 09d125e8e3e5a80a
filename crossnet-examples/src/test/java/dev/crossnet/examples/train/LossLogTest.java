package dev.crossnet.examples.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LossLogTest {

  @Test
  void aResumedRunLogsEveryStepOnce(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("loss.csv");
    LossLog interrupted = new LossLog(csv, "test", 1, 1000);
    for (int step = 0; step < 10; step++) {
      interrupted.onStep(step, Map.of("mse", 1.0 / (step + 1)));
    }
    // killed after step 9; the last checkpoint was written after step 5, so the run resumes at step 6
    LossLog resumed = new LossLog(csv, "test", 1, 1000);
    for (int step = 6; step < 12; step++) {
      resumed.onStep(step, Map.of("mse", 0.5));
    }

    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.get(0)).isEqualTo("step,seconds,mse");
    assertThat(lines.subList(1, lines.size())).extracting(l -> Integer.parseInt(l.substring(0, l.indexOf(','))))
        .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
    assertThat(lines.get(7)).endsWith(",0.500000");
    assertThat(dir.resolve("loss.csv.tmp")).doesNotExist();
  }
}
