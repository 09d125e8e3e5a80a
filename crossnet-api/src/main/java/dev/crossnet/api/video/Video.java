package dev.crossnet.api.video;

import dev.crossnet.api.image.Picture;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An immutable video: one or more {@link Picture}s of the same size, shown at a fixed frame rate.
 *
 * <pre>{@code
 * Video clip = Video.read(Path.of("walk.mp4"));
 * List<Picture> edited = clip.frames().stream().map(frame -> edit(frame)).toList();
 * Video.sideBySide(clip, clip.withFrames(edited)).write(Path.of("compare.gif"));
 * }</pre>
 *
 * <p>Files are chosen by what the path is: an animated {@code .gif}, an H.264 {@code .mp4}, or a folder of PNG
 * frames ({@code frame-00000.png}, {@code frame-00001.png}, ... and a {@code video.properties} holding the frame
 * rate). See {@link #read(Path)} and {@link #write(Path)} for what each format keeps.
 */
public final class Video {

  private final List<Picture> frames;
  private final double framesPerSecond;

  private Video(List<Picture> frames, double framesPerSecond) {
    this.frames = frames;
    this.framesPerSecond = framesPerSecond;
  }

  /**
   * A video of the given frames (at least one, all the same size), shown at {@code framesPerSecond} (finite
   * and above 0).
   *
   * @throws IllegalArgumentException naming the first frame that breaks a rule, or the bad frame rate
   */
  public static Video of(List<Picture> frames, double framesPerSecond) {
    Objects.requireNonNull(frames, "frames");
    if (!Double.isFinite(framesPerSecond) || framesPerSecond <= 0) {
      throw new IllegalArgumentException("framesPerSecond must be a finite number above 0, got " + framesPerSecond
          + "; pass the rate the frames were taken at, e.g. 12, 24 or 29.97");
    }
    if (frames.isEmpty()) {
      throw new IllegalArgumentException("a video needs at least one frame, got none; pass the frames to show");
    }
    List<Picture> copy = new ArrayList<>(frames.size());
    Picture first = null;
    for (int i = 0; i < frames.size(); i++) {
      Picture frame = frames.get(i);
      if (frame == null) {
        throw new IllegalArgumentException("frame " + i + " is null; every frame of a video must be a picture");
      }
      if (first == null) {
        first = frame;
      } else if (frame.width() != first.width() || frame.height() != first.height()) {
        throw new IllegalArgumentException("frame " + i + " is " + frame.width() + "x" + frame.height()
            + " but frame 0 is " + first.width() + "x" + first.height()
            + "; every frame of a video must have the same size");
      }
      copy.add(frame);
    }
    return new Video(List.copyOf(copy), framesPerSecond);
  }

  /**
   * Reads a video. What is read depends on what the path is:
   *
   * <ul>
   *   <li>a folder: its {@code *.png} files whose names hold digits, in natural order ({@code frame-2.png}
   *       before {@code frame-10.png}); the frame rate comes from {@code video.properties} ({@code fps=...})
   *       and is 12 when that file is absent, the rate of a typical
   *       hand-made flip-book;
   *   <li>{@code *.gif}: an animated GIF, each frame composited as a viewer shows it (frame offsets, disposal
   *       methods and transparency); the frame rate comes from the first frame's delay, 10 fps
   *       when it has none, as browsers do;
   *   <li>{@code *.mp4}: H.264 video; the frame rate comes from the track's frame count and duration, 25 fps
   *       when the track does not say.
   * </ul>
   *
   * @throws IOException naming the path when it is missing, of an unsupported kind, damaged or truncated, or
   *     holds frames of different sizes
   */
  public static Video read(Path path) throws IOException {
    return VideoFiles.read(path);
  }

  /**
   * Writes the video, atomically: a reader never sees half a file, and a failed write leaves an earlier video
   * at the path as it was. The format follows the path:
   *
   * <ul>
   *   <li>{@code .gif}: an animated GIF that loops forever; GIF stores 256 colours per frame and delays in
   *       hundredths of a second, so colours and the frame rate may change slightly;
   *   <li>{@code .mp4}: lossy H.264; width and height must be even;
   *   <li>no extension, or an existing folder: a folder of PNG frames, lossless. An existing folder is replaced
   *       only when it is empty or a CrossNet frame folder, never when it holds other files.
   * </ul>
   *
   * @throws IOException when the path names an unsupported format, the video cannot be stored in that format,
   *     the folder holds other files, or writing fails
   */
  public void write(Path path) throws IOException {
    VideoFiles.write(this, path);
  }

  public int frameCount() {
    return frames.size();
  }

  /** The frame at {@code index}, counted from 0. */
  public Picture frame(int index) {
    if (index < 0 || index >= frames.size()) {
      throw new IndexOutOfBoundsException("frame " + index + " does not exist; this video has frames 0 to "
          + (frames.size() - 1));
    }
    return frames.get(index);
  }

  /** The frames, in order (an unmodifiable list). */
  public List<Picture> frames() {
    return frames;
  }

  public int width() {
    return frames.get(0).width();
  }

  public int height() {
    return frames.get(0).height();
  }

  public double framesPerSecond() {
    return framesPerSecond;
  }

  /** How long the video plays: the frame count over the frame rate, to the nanosecond. */
  public Duration duration() {
    return Duration.ofNanos(Math.round(frames.size() * 1e9 / framesPerSecond));
  }

  /** A video of other frames at this video's frame rate, e.g. the frames after an edit. */
  public Video withFrames(List<Picture> frames) {
    return of(frames, framesPerSecond);
  }

  /**
   * The videos placed left to right in each frame, e.g. an original beside its edit. They need the same frame
   * count and height; the result plays at the first video's frame rate.
   */
  public static Video sideBySide(Video... videos) {
    Objects.requireNonNull(videos, "videos");
    if (videos.length == 0) {
      throw new IllegalArgumentException("sideBySide needs at least one video, got none");
    }
    Video first = Objects.requireNonNull(videos[0], "video 0");
    int width = 0;
    for (int v = 0; v < videos.length; v++) {
      Video video = Objects.requireNonNull(videos[v], "video " + v);
      if (video.frameCount() != first.frameCount()) {
        throw new IllegalArgumentException("video " + v + " has " + video.frameCount() + " frames but video 0 has "
            + first.frameCount() + "; videos shown side by side need the same frame count");
      }
      if (video.height() != first.height()) {
        throw new IllegalArgumentException("video " + v + " is " + video.height() + " pixels high but video 0 is "
            + first.height() + "; videos shown side by side need the same height");
      }
      width += video.width();
    }
    int height = first.height();
    List<Picture> joined = new ArrayList<>(first.frameCount());
    for (int f = 0; f < first.frameCount(); f++) {
      int[] rgb = new int[width * height];
      int left = 0;
      for (Video video : videos) {
        int w = video.width();
        int[] part = video.frames.get(f).rgbPixels();
        for (int y = 0; y < height; y++) {
          System.arraycopy(part, y * w, rgb, y * width + left, w);
        }
        left += w;
      }
      joined.add(Picture.ofRgb(width, height, rgb));
    }
    return new Video(List.copyOf(joined), first.framesPerSecond);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Video v && Double.compare(v.framesPerSecond, framesPerSecond) == 0 && v.frames.equals(frames);
  }

  @Override
  public int hashCode() {
    return 31 * Double.hashCode(framesPerSecond) + frames.hashCode();
  }

  @Override
  public String toString() {
    return "Video[" + width() + "x" + height() + ", " + frames.size() + " frames, " + framesPerSecond + " fps]";
  }
}
