package dev.crossnet.core.schedule;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import dev.crossnet.core.model.DiffusionModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a model is, for a cache key: a SHA-256 over every file of its folder (relative path and content), in path
 * order. Files larger than {@value #CONTENT_LIMIT} bytes are represented by their size and modification time, so
 * multi-GB checkpoints cost no full read; hidden files and the feature-loss schedules written into the folder are
 * left out. It names the folder on disk: a model changed in memory (training) and not saved keeps its old identity.
 */
public final class ModelIdentity {

  /** Files up to this size are hashed by content. */
  static final long CONTENT_LIMIT = 256L << 20;

  private ModelIdentity() {}

  /** The identity of the model's folder ({@link DiffusionModel#source()}). */
  public static String of(DiffusionModel model) {
    return of(model.source());
  }

  /** The identity of a model folder. */
  public static String of(Path folder) {
    Hasher hasher = Hashing.sha256().newHasher();
    try (Stream<Path> walk = Files.walk(folder)) {
      List<Path> files = walk.filter(Files::isRegularFile).filter(f -> counts(folder.relativize(f))).sorted().toList();
      for (Path f : files) {
        hasher.putString(folder.relativize(f).toString().replace('\\', '/'), StandardCharsets.UTF_8);
        long size = Files.size(f);
        hasher.putLong(size);
        if (size > CONTENT_LIMIT) {
          hasher.putLong(Files.getLastModifiedTime(f).toMillis());
        } else {
          try (InputStream in = Files.newInputStream(f)) {
            byte[] buffer = new byte[1 << 16];
            for (int r = in.read(buffer); r >= 0; r = in.read(buffer)) {
              hasher.putBytes(buffer, 0, r);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the model folder " + folder + " to identify it: " + e.getMessage(),
          e);
    }
    return hasher.hash().toString();
  }

  private static boolean counts(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return false;
      }
    }
    return !relative.getFileName().toString().startsWith(ScheduleCache.FILE_PREFIX);
  }
}
