package dev.crossnet.api.video;

import dev.crossnet.api.image.Picture;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder of PNG frames and a {@code video.properties} holding {@code fps=...}. Reading accepts any PNG whose
 * name holds digits, in natural order; writing names frames {@code frame-00000.png}, {@code frame-00001.png}, ...
 */
final class PngFrameFolder {

  /** The frame rate of a folder without {@code video.properties}. */
  static final double DEFAULT_FPS = 12;

  static final String PROPERTIES = "video.properties";

  private static final Logger LOG = LoggerFactory.getLogger(PngFrameFolder.class);
  private static final Pattern DIGITS = Pattern.compile(".*\\d.*");
  private static final Pattern WRITTEN_FRAME = Pattern.compile("frame-\\d+\\.png");

  private PngFrameFolder() {}

  static Video read(Path dir) throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path p : (Iterable<Path>) entries::iterator) {
        String name = p.getFileName().toString();
        if (!Files.isRegularFile(p) || !name.toLowerCase(Locale.ROOT).endsWith(".png")) {
          continue;
        }
        if (DIGITS.matcher(name).matches()) {
          files.add(p);
        } else {
          LOG.debug("{}: skipping {}, a frame's name holds its number", dir, name);
        }
      }
    }
    if (files.isEmpty()) {
      throw new IOException("no PNG frames in folder " + dir.toAbsolutePath() + "; a frame folder holds numbered"
          + " PNG files such as frame-00000.png, frame-00001.png");
    }
    files.sort(Comparator.comparing((Path p) -> p.getFileName().toString(), NaturalOrder.INSTANCE));
    List<Picture> frames = new ArrayList<>(files.size());
    Picture first = null;
    for (Path file : files) {
      Picture frame = Picture.read(file);
      if (first == null) {
        first = frame;
      } else if (frame.width() != first.width() || frame.height() != first.height()) {
        throw new IOException("frame " + file.toAbsolutePath() + " is " + frame.width() + "x" + frame.height()
            + " but the first frame " + files.get(0).getFileName() + " is " + first.width() + "x" + first.height()
            + "; every frame of a video must have the same size");
      }
      frames.add(frame);
    }
    return Video.of(frames, readFps(dir.resolve(PROPERTIES)));
  }

  private static double readFps(Path file) throws IOException {
    if (!Files.exists(file)) {
      return DEFAULT_FPS;
    }
    Properties props = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      props.load(in);
    } catch (IllegalArgumentException e) {
      throw new IOException("could not read " + file.toAbsolutePath() + ": " + e.getMessage(), e);
    }
    String value = props.getProperty("fps");
    if (value == null) {
      return DEFAULT_FPS;
    }
    try {
      double fps = Double.parseDouble(value.trim());
      if (Double.isFinite(fps) && fps > 0) {
        return fps;
      }
    } catch (NumberFormatException e) {
      // reported below with the value and the fix
    }
    throw new IOException("fps in " + file.toAbsolutePath() + " must be a number above 0, got '" + value
        + "'; write e.g. fps=12");
  }

  /**
   * Writes the frames into a temporary sibling folder, then swaps it into place. A folder already at the path
   * is moved aside first and deleted after the swap (a directory cannot be renamed onto a non-empty one), so a
   * reader sees the old frames or the new ones, never a mixture, though for an instant neither.
   */
  static void write(Video video, Path dir) throws IOException {
    Path target = dir.toAbsolutePath();
    if (Files.exists(target) && !Files.isDirectory(target)) {
      throw new NotDirectoryException(target + " is a file; a video without .gif or .mp4 is written as a folder"
          + " of PNG frames, so pass a folder path or name the file .gif or .mp4");
    }
    if (Files.isDirectory(target)) {
      requireFrameFolder(target);
    }
    Path parent = target.getParent();
    Files.createDirectories(parent);
    Path fresh = Files.createTempDirectory(parent, "." + target.getFileName() + ".new-");
    try {
      List<Picture> frames = video.frames();
      for (int i = 0; i < frames.size(); i++) {
        frames.get(i).write(fresh.resolve(String.format(Locale.ROOT, "frame-%05d.png", i)));
      }
      // written by hand, not Properties.store, so the file holds no timestamp and equal videos give equal bytes
      Files.writeString(fresh.resolve(PROPERTIES), "# written by CrossNet\nfps=" + video.framesPerSecond() + "\n",
          StandardCharsets.UTF_8);
      swapIn(fresh, target);
    } finally {
      deleteTree(fresh);
    }
  }

  private static void requireFrameFolder(Path dir) throws IOException {
    List<String> foreign = new ArrayList<>();
    try (Stream<Path> entries = Files.list(dir)) {
      entries.map(p -> p.getFileName().toString())
          .filter(name -> !name.equals(PROPERTIES) && !WRITTEN_FRAME.matcher(name).matches())
          .sorted()
          .forEach(foreign::add);
    }
    if (!foreign.isEmpty()) {
      throw new FileAlreadyExistsException(dir.toString(), null, "folder " + dir + " holds files that are not"
          + " CrossNet frames (" + String.join(", ", foreign.subList(0, Math.min(5, foreign.size())))
          + (foreign.size() > 5 ? ", ..." : "") + "); write the video to a new or empty folder");
    }
  }

  private static void swapIn(Path fresh, Path target) throws IOException {
    if (!Files.exists(target)) {
      Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
      return;
    }
    Path old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
    Files.delete(old);
    Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
    try {
      Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
      throw e;
    }
    deleteTree(old);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Names compared with runs of digits as numbers: frame-2 before frame-10. */
  enum NaturalOrder implements Comparator<String> {
    INSTANCE;

    @Override
    public int compare(String a, String b) {
      int i = 0;
      int j = 0;
      while (i < a.length() && j < b.length()) {
        char ca = a.charAt(i);
        char cb = b.charAt(j);
        if (isAsciiDigit(ca) && isAsciiDigit(cb)) {
          int ei = endOfDigits(a, i);
          int ej = endOfDigits(b, j);
          int c = compareNumbers(a.substring(i, ei), b.substring(j, ej));
          if (c != 0) {
            return c;
          }
          i = ei;
          j = ej;
        } else {
          if (ca != cb) {
            return Character.compare(ca, cb);
          }
          i++;
          j++;
        }
      }
      int rest = Integer.compare(a.length() - i, b.length() - j);
      return rest != 0 ? rest : a.compareTo(b);
    }

    private static boolean isAsciiDigit(char c) {
      return c >= '0' && c <= '9';
    }

    private static int endOfDigits(String s, int from) {
      int end = from;
      while (end < s.length() && isAsciiDigit(s.charAt(end))) {
        end++;
      }
      return end;
    }

    /** Compares digit runs of any length by value (no overflow), then by leading zeros. */
    private static int compareNumbers(String x, String y) {
      String sx = x.replaceFirst("^0+(?=.)", "");
      String sy = y.replaceFirst("^0+(?=.)", "");
      int c = sx.length() != sy.length() ? Integer.compare(sx.length(), sy.length()) : sx.compareTo(sy);
      return c != 0 ? c : Integer.compare(x.length(), y.length());
    }
  }
}
