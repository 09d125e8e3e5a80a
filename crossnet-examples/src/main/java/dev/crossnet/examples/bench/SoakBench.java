package dev.crossnet.examples.bench;

import dev.crossnet.api.edit.Editor;
import dev.crossnet.api.region.Region;
import dev.crossnet.api.runtime.EditRuntime;
import dev.crossnet.api.runtime.Runtimes;
import dev.crossnet.api.subject.Subject;
import dev.crossnet.core.figureworld.IdealEdit;
import dev.crossnet.core.figureworld.Scene;
import dev.crossnet.examples.cli.CommandLines;
import dev.crossnet.examples.cli.HelpOption;
import dev.crossnet.examples.edit.DemoScenes;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Many edits in one JVM, as a long-running application makes them: each a held-out FigureWorld demo scene (a new
 * scene per edit) edited with the main job's settings on the embedded default model. Every {@code --every} edits
 * it records the resident set size (VmRSS), the Java heap in use after a garbage collection, and the native arrays
 * the runtime reports open ({@link EditRuntime#openArrays()}), to {@code soak.csv}, flushed as it goes so that a
 * stopped run keeps what it measured.
 *
 * <pre>
 * java -cp 'crossnet-examples/target/crossnet-examples.jar:crossnet-examples/target/lib/*' \
 *     dev.crossnet.examples.bench.SoakBench --edits 1000 --every 10 --out out/soak
 * </pre>
 */
@Command(name = "SoakBench", sortOptions = false,
    description = "Runs many edits in one JVM and samples resident memory, heap and open native arrays.")
public final class SoakBench implements Callable<Integer> {

  @Mixin
  HelpOption help;

  @Option(names = "--edits", paramLabel = "N", defaultValue = "1000", description = "Edits to run (default: ${DEFAULT-VALUE}).")
  int edits;

  @Option(names = "--every", paramLabel = "N", defaultValue = "10",
      description = "Edits between two samples (default: ${DEFAULT-VALUE}).")
  int every;

  @Option(names = "--first-seed", paramLabel = "SEED", defaultValue = "7",
      description = "Seed of the first demo scene (default: ${DEFAULT-VALUE}).")
  long firstSeed;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "out/soak",
      description = "Folder for soak.csv (default: ${DEFAULT-VALUE}).")
  Path out;

  public static void main(String[] args) {
    System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
    System.exit(CommandLines.execute(new SoakBench(), args));
  }

  @Override
  public Integer call() throws IOException {
    Files.createDirectories(out);
    EditRuntime runtime = Runtimes.discover();
    long start = System.nanoTime();
    try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out.resolve("soak.csv"), StandardCharsets.UTF_8))) {
      csv.println("edits,seconds,rss_mb,heap_mb,open_arrays");
      for (int i = 1; i <= edits; i++) {
        Scene scene = DemoScenes.from(firstSeed + 1000L * i);
        IdealEdit ideal = scene.idealEditLike(0, 1);
        Editor.bedrock(scene.picture()).replace(Region.mask(ideal.region()))
            .with(Subject.of("<subject>", scene.picture()).withMasks(scene.figures().get(1).mask()))
            .seed(7).run(runtime).picture();
        if (i == 1 || i % every == 0) {
          System.gc();
          Runtime jvm = Runtime.getRuntime();
          String row = String.format(Locale.ROOT, "%d,%.1f,%.1f,%.1f,%d", i, (System.nanoTime() - start) / 1e9,
              ProcStatus.rss() / 1048576.0, (jvm.totalMemory() - jvm.freeMemory()) / 1048576.0, runtime.openArrays());
          csv.println(row);
          csv.flush();
          System.out.println(row);
        }
      }
    }
    return CommandLines.OK;
  }
}
