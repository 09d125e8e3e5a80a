package dev.crossnet.core.edit.video;

import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.api.plugin.Spelling;
import dev.crossnet.api.plugin.UnknownOptionException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options of a video edit, the {@code video.*} keys of its settings; every other option goes to each frame's
 * edit as it would for a picture.
 *
 * <ul>
 *   <li>{@code video.cross-frame} (true): each frame's self-attention also attends to the keys and values of
 *       earlier frames at the same layer and step (sparse-causal attention, as in Tune-A-Video);
 *   <li>{@code video.cross-frame.first} (true): to the first frame's;
 *   <li>{@code video.cross-frame.previous} (true): to the previous frame's;
 *   <li>{@code video.cross-frame.own} (true): and to its own (false: only to the earlier frames', as
 *       Tune-A-Video's, which was tuned for it);
 *   <li>{@code video.noise} ({@code shared}): {@code shared} starts every frame from the same noise (and draws the
 *       same sampler noise), {@code independent} gives each frame its own.
 * </ul>
 *
 * @param crossFrame whether cross-frame attention is on
 * @param firstFrame whether frames attend to the first frame
 * @param previousFrame whether frames attend to the previous frame
 * @param ownFrame whether frames after the first also attend to their own keys (Tune-A-Video's does not)
 * @param sharedNoise whether every frame uses the same noise
 */
public record VideoOptions(boolean crossFrame, boolean firstFrame, boolean previousFrame, boolean ownFrame,
    boolean sharedNoise) {

  public static final String PREFIX = "video.";
  public static final String CROSS_FRAME = "video.cross-frame";
  public static final String FIRST = "video.cross-frame.first";
  public static final String PREVIOUS = "video.cross-frame.previous";
  public static final String OWN = "video.cross-frame.own";
  public static final String NOISE = "video.noise";
  private static final List<String> KEYS = List.of(CROSS_FRAME, FIRST, PREVIOUS, OWN, NOISE);

  /**
   * Reads the {@code video.*} options.
   *
   * @throws UnknownOptionException for a {@code video.*} key that is not one of the above
   * @throws IllegalArgumentException for a value of the wrong kind
   */
  public static VideoOptions of(PluginConfig options) {
    for (String key : options.asMap().keySet()) {
      if (key.startsWith(PREFIX) && !KEYS.contains(key)) {
        throw new UnknownOptionException(key, "the video edit", KEYS, Spelling.closest(key, KEYS).orElse(null));
      }
    }
    String noise = options.getString(NOISE, "shared");
    if (!noise.equals("shared") && !noise.equals("independent")) {
      throw new IllegalArgumentException(NOISE + "=" + noise + " is not a noise mode; use shared (every frame "
          + "starts from the same noise) or independent (each frame its own)");
    }
    boolean crossFrame = options.getBoolean(CROSS_FRAME, true);
    boolean first = options.getBoolean(FIRST, true);
    boolean previous = options.getBoolean(PREVIOUS, true);
    boolean own = options.getBoolean(OWN, true);
    return new VideoOptions(crossFrame && (first || previous), first, previous, own, noise.equals("shared"));
  }

  /** The options without the {@code video.*} keys: what each frame's picture edit receives. */
  public static PluginConfig frameOptions(PluginConfig options) {
    Map<String, Object> rest = new LinkedHashMap<>();
    options.asMap().forEach((k, v) -> {
      if (!k.startsWith(PREFIX)) {
        rest.put(k, v);
      }
    });
    return PluginConfig.of(rest);
  }

  /** The seed of frame {@code frame}: the edit's own with shared noise, else one derived from it per frame. */
  public long frameSeed(long seed, int frame) {
    return sharedNoise ? seed : seed + 0x9E3779B97F4A7C15L * frame;
  }

  /** These options as the result's record shows them. */
  public Map<String, String> record() {
    Map<String, String> r = new LinkedHashMap<>();
    r.put(CROSS_FRAME, Boolean.toString(crossFrame));
    r.put(FIRST, Boolean.toString(crossFrame && firstFrame));
    r.put(PREVIOUS, Boolean.toString(crossFrame && previousFrame));
    r.put(OWN, Boolean.toString(!crossFrame || ownFrame));
    r.put(NOISE, sharedNoise ? "shared" : "independent");
    return r;
  }
}
