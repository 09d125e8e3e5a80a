package dev.crossnet.examples.world;

import dev.crossnet.api.image.Picture;
import dev.crossnet.core.figureworld.Appearance;
import dev.crossnet.core.figureworld.Background;
import dev.crossnet.core.figureworld.Clip;
import dev.crossnet.core.figureworld.Colour;
import dev.crossnet.core.figureworld.Figure;
import dev.crossnet.core.figureworld.FigureKind;
import dev.crossnet.core.figureworld.IdealEdit;
import dev.crossnet.core.figureworld.PlacedFigure;
import dev.crossnet.core.figureworld.Placement;
import dev.crossnet.core.figureworld.Pose;
import dev.crossnet.core.figureworld.RelationType;
import dev.crossnet.core.figureworld.Scene;
import dev.crossnet.core.figureworld.SceneGenerator;
import dev.crossnet.core.figureworld.SceneLayout;
import dev.crossnet.core.figureworld.SceneOptions;
import dev.crossnet.core.figureworld.Size;
import dev.crossnet.core.figureworld.Split;
import dev.crossnet.examples.cli.CommandLines;
import dev.crossnet.examples.cli.HelpOption;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * Writes sample grids of FigureWorld scenes: {@code scenes.png} (with {@code scenes.txt}, one caption per
 * cell, row by row), {@code edits.png} (rows of original, ideal edit, edit region) and {@code clip.png} (the
 * frames of one clip, with its ideal edited clip below).
 *
 * <pre>java -Djava.awt.headless=true -cp ... dev.crossnet.examples.world.WorldSamples [outDir] [size] [firstSeed]</pre>
 */
@Command(name = "WorldSamples", sortOptions = false, sortSynopsis = false,
    description = "Writes sample grids of FigureWorld scenes, ideal edits and clips.")
public final class WorldSamples implements Callable<Integer> {

  private static final int COLUMNS = 6;
  private static final int ROWS = 5;
  private static final int GAP = 2;
  private static final int ZOOM = 4;

  @Mixin
  HelpOption help;

  @Parameters(index = "0", arity = "0..1", paramLabel = "OUT_DIR", defaultValue = "/tmp/figureworld",
      description = "Folder for the grids (default: ${DEFAULT-VALUE}).")
  Path out;

  @Parameters(index = "1", arity = "0..1", paramLabel = "SIZE", defaultValue = "64",
      description = "Scene width and height in pixels (default: ${DEFAULT-VALUE}).")
  int size;

  @Parameters(index = "2", arity = "0..1", paramLabel = "FIRST_SEED", defaultValue = "1",
      description = "Seed of the first scene (default: ${DEFAULT-VALUE}).")
  long first;

  public static void main(String[] args) {
    System.exit(CommandLines.execute(new WorldSamples(), args));
  }

  @Override
  public Integer call() throws Exception {
    run();
    return CommandLines.OK;
  }

  private void run() throws Exception {
    Files.createDirectories(out);
    SceneGenerator world = new SceneGenerator(SceneOptions.defaults().withSize(size, size));
    List<Picture> cells = new ArrayList<>();
    List<String> captions = new ArrayList<>();
    for (int i = 0; i < COLUMNS * ROWS; i++) {
      Scene s = world.generate(first + i);
      cells.add(s.picture());
      captions.add((i / COLUMNS) + "," + (i % COLUMNS) + " [" + s.split() + "] " + s.caption());
    }
    write(cells, COLUMNS, out.resolve("scenes.png"));
    Files.write(out.resolve("scenes.txt"), captions);

    List<Picture> edits = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Scene s = world.generate(first + i);
      IdealEdit e = s.idealEdit(0, FigureKind.values()[i], new Appearance(Colour.values()[i + 1], i % 2 == 0,
          Size.LARGE));
      edits.add(s.picture());
      edits.add(e.edited().picture());
      edits.add(maskPicture(e.region().weights(), size));
      edits.add(maskPicture(s.figures().get(0).mask().weights(), size));
    }
    write(edits, 4, out.resolve("edits.png"));

    Clip clip = movingClip(new SceneGenerator(SceneOptions.defaults().withSize(size, size).withFigures(2, 3)
        .withSplit(Split.TRAIN)), first);
    List<Picture> frames = new ArrayList<>();
    clip.frames().forEach(f -> frames.add(f.picture()));
    clip.idealEdit(0, FigureKind.CAT, new Appearance(Colour.ORANGE, false, Size.LARGE))
        .forEach(e -> frames.add(e.edited().picture()));
    write(frames, clip.frames().size(), out.resolve("clip.png"));

    // One row per relation type, so each relation can be judged at a glance.
    SceneGenerator pairs = new SceneGenerator(SceneOptions.defaults().withSize(size, size).withFigures(2, 2)
        .withRelationChance(1));
    List<Picture> relationCells = new ArrayList<>();
    List<String> relationCaptions = new ArrayList<>();
    for (RelationType type : RelationType.values()) {
      int found = 0;
      for (long seed = first; found < COLUMNS; seed++) {
        Scene s = pairs.generate(seed);
        if (s.relations().get(0).type() == type) {
          relationCells.add(s.picture());
          relationCaptions.add(type + ": " + s.caption());
          found++;
        }
      }
    }
    write(relationCells, COLUMNS, out.resolve("relations.png"));
    Files.write(out.resolve("relations.txt"), relationCaptions);
    write(catalogue(size, Size.LARGE), Pose.values().length, out.resolve("catalogue.png"));
    write(catalogue(size, Size.SMALL), Pose.values().length, out.resolve("catalogue-small.png"));
    System.out.println("wrote scenes, edits, clip, relations and catalogue grids (each also at x" + ZOOM
        + ") to " + out + "; clip: " + clip.frames().get(0).caption());
  }

  /** One row per kind, one column per pose (grey where the kind cannot take the pose), colours cycling. */
  private static List<Picture> catalogue(int size, Size figureSize) {
    List<Picture> cells = new ArrayList<>();
    int i = 0;
    for (FigureKind kind : FigureKind.values()) {
      for (Pose pose : Pose.values()) {
        if (!kind.poses().contains(pose)) {
          cells.add(Picture.filled(size, size, 0x808080));
          continue;
        }
        Colour colour = Colour.values()[i++ % Colour.values().length];
        Figure f = new Figure(kind, new Appearance(colour, i % 3 == 0, figureSize), pose);
        SceneLayout layout = new SceneLayout(Background.PARK, 0.45, List.of(), List.of(new PlacedFigure(f,
            new Placement(0.5, 0.85, true, 1, null))), List.of(), 0);
        cells.add(Scene.render(layout, size, size).picture());
      }
    }
    return cells;
  }

  /** The first clip from this seed on in which at least two figures move, so the strip shows motion. */
  private static Clip movingClip(SceneGenerator world, long first) {
    for (long seed = first; ; seed++) {
      Clip clip = world.clip(seed, 6);
      long moving = clip.frames().get(0).figures().stream().filter(f -> f.figure().pose().moving()).count();
      if (moving >= 2) {
        return clip;
      }
    }
  }

  private static Picture maskPicture(float[] weights, int size) {
    int[] rgb = new int[weights.length];
    for (int i = 0; i < rgb.length; i++) {
      rgb[i] = weights[i] > 0 ? 0xFFFFFF : 0;
    }
    return Picture.ofRgb(size, size, rgb);
  }

  private static void write(List<Picture> cells, int columns, Path file) throws IOException {
    int w = cells.get(0).width();
    int h = cells.get(0).height();
    int rows = (cells.size() + columns - 1) / columns;
    BufferedImage grid = new BufferedImage(columns * (w + GAP) + GAP, rows * (h + GAP) + GAP,
        BufferedImage.TYPE_INT_RGB);
    for (int i = 0; i < cells.size(); i++) {
      grid.setRGB(GAP + (i % columns) * (w + GAP), GAP + (i / columns) * (h + GAP), w, h, cells.get(i).rgbPixels(),
          0, w);
    }
    ImageIO.write(grid, "png", file.toFile());
    // A 4x nearest-neighbour copy, because 64 px scenes are hard to judge at their own size.
    BufferedImage zoomed = new BufferedImage(grid.getWidth() * ZOOM, grid.getHeight() * ZOOM,
        BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < zoomed.getHeight(); y++) {
      for (int x = 0; x < zoomed.getWidth(); x++) {
        zoomed.setRGB(x, y, grid.getRGB(x / ZOOM, y / ZOOM));
      }
    }
    String name = file.getFileName().toString().replace(".png", "-x" + ZOOM + ".png");
    ImageIO.write(zoomed, "png", file.resolveSibling(name).toFile());
  }
}
