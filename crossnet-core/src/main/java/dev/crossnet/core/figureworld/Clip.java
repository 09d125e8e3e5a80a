package dev.crossnet.core.figureworld;

import java.util.ArrayList;
import java.util.List;

/**
 * A short clip: one layout rendered over N frames while moving poses run through one cycle (walkers also
 * step along the ground). Figures that are not moving are pixel-identical in every frame.
 */
public record Clip(List<Scene> frames) {

  public Clip {
    frames = List.copyOf(frames);
    if (frames.isEmpty()) {
      throw new IllegalArgumentException("a clip needs at least one frame");
    }
  }

  /** Renders frames 0..n-1 of a layout at the given size. */
  public static Clip of(SceneLayout layout, int frames, int width, int height) {
    List<Scene> out = new ArrayList<>();
    for (int f = 0; f < frames; f++) {
      out.add(Scene.render(layout.atFrame(f, frames), width, height));
    }
    return new Clip(out);
  }

  /** The ideal edited clip: the same figure swapped in every frame, with each frame's edit region. */
  public List<IdealEdit> idealEdit(int index, FigureKind kind, Appearance appearance) {
    List<IdealEdit> out = new ArrayList<>();
    for (Scene s : frames) {
      out.add(s.idealEdit(index, kind, appearance));
    }
    return out;
  }
}
