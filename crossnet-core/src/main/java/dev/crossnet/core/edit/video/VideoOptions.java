package dev.crossnet.core.edit.video;

import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.api.plugin.Spelling;
import dev.crossnet.api.plugin.UnknownOptionException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options of a video edit, the {@code video.*} keys of its settings; every other option goes to each frame's
 * edit as it would for a picture, except that, while the anchor is on, a frame's motion branch holds ILVR for
 * {@link #FRAME_ILVR_UNTIL} of the steps on any UNet where the options leave {@code branch.motion.ilvr-until} out or
 * at {@code auto} (a picture edit on an inpainting UNet holds it for less): a frame held longer to its own
 * occupant's low frequencies follows the bedrock's motion, which is what keeps consecutive frames alike. With the
 * anchor off every frame is edited as a picture.
 *
 * <ul>
 *   <li>{@code video.cross-frame} (false): each frame's self-attention also attends to the keys and values of
 *       earlier frames at the same layer and step (sparse-causal attention, as in Tune-A-Video); off by default
 *       because where the anchor holds a region at every step it cannot change what is held, and it costs time;
 *   <li>{@code video.cross-frame.first} (true): to the first frame's;
 *   <li>{@code video.cross-frame.previous} (true): to the previous frame's;
 *   <li>{@code video.cross-frame.own} (true): and to its own (false: only to the earlier frames', as
 *       Tune-A-Video's, which was tuned for it);
 *   <li>{@code video.noise} ({@code shared}): {@code shared} starts every frame from the same noise (and draws the
 *       same sampler noise), {@code follow} moves that noise with the first region (by whole cells of the sample, as
 *       far as the region's centre moved since the first frame), {@code independent} gives each frame its own;
 *   <li>{@code video.anchor} ({@code first}): {@code first} or {@code previous} holds each later frame's regions to
 *       that earlier frame's result, moved to the frame ({@link TemporalAnchor}); {@code off} leaves frames free;
 *   <li>{@code video.anchor.motion} ({@code flow}): how the earlier result is moved: {@code flow} along the
 *       bedrock's own motion, so the subject moves as the occupant moved; {@code shift} by the region's shift;
 *   <li>{@code video.anchor.until} (1: every step) the share of the steps the anchor holds for;
 *       {@code video.anchor.factor} (1: the sample itself) the low-pass factor, larger holds coarser features only;
 *       {@code video.anchor.weight} (1) how far each step moves toward the reference, in (0, 1]. With the defaults
 *       a later frame's regions are the first frame's result carried by the bedrock's motion, and the loop draws
 *       only where a region's weight is partial; a lower {@code until} lets the last steps redraw each frame's
 *       details.
 * </ul>
 *
 * @param crossFrame whether cross-frame attention is on
 * @param firstFrame whether frames attend to the first frame
 * @param previousFrame whether frames attend to the previous frame
 * @param ownFrame whether frames after the first also attend to their own keys (Tune-A-Video's does not)
 * @param noise how the frames' noise relates
 * @param anchor which earlier result later frames are held to
 * @param anchorSettings how the anchor holds them
 */
public record VideoOptions(boolean crossFrame, boolean firstFrame, boolean previousFrame, boolean ownFrame,
    Noise noise, Anchor anchor, TemporalAnchor.Settings anchorSettings, MovedReference.Motion anchorMotion) {

  /** How the frames' noise relates. */
  public enum Noise {
    /** Every frame starts from the same noise and draws the same sampler noise. */
    SHARED,
    /** Each frame draws its own. */
    INDEPENDENT,
    /** The same noise as {@link #SHARED}, moved with the first region: its centre's shift since the first frame. */
    FOLLOW
  }

  /** Which earlier result a frame's regions are held to ({@link TemporalAnchor}). */
  public enum Anchor {
    OFF, FIRST, PREVIOUS
  }

  public static final String PREFIX = "video.";
  public static final String CROSS_FRAME = "video.cross-frame";
  public static final String FIRST = "video.cross-frame.first";
  public static final String PREVIOUS = "video.cross-frame.previous";
  public static final String OWN = "video.cross-frame.own";
  public static final String NOISE = "video.noise";
  public static final String ANCHOR = "video.anchor";
  public static final String ANCHOR_UNTIL = "video.anchor.until";
  public static final String ANCHOR_FACTOR = "video.anchor.factor";
  public static final String ANCHOR_WEIGHT = "video.anchor.weight";
  public static final String ANCHOR_MOTION = "video.anchor.motion";
  /** The motion branch's ILVR span option, which a clip's frames get as {@link #FRAME_ILVR_UNTIL} by default. */
  public static final String MOTION_ILVR_UNTIL = "branch.motion.ilvr-until";
  /** The share of each frame's steps that ILVR holds the occupant's low frequencies for, unless the options say. */
  public static final double FRAME_ILVR_UNTIL = 0.6;
  private static final Anchor DEFAULT_ANCHOR = Anchor.FIRST;
  private static final double DEFAULT_UNTIL = 1.0;
  private static final int DEFAULT_FACTOR = 1;
  private static final MovedReference.Motion DEFAULT_MOTION = MovedReference.Motion.FLOW;
  private static final List<String> KEYS = List.of(CROSS_FRAME, FIRST, PREVIOUS, OWN, NOISE, ANCHOR, ANCHOR_UNTIL,
      ANCHOR_FACTOR, ANCHOR_WEIGHT, ANCHOR_MOTION);

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
    Noise noise = choice(options, NOISE, Noise.SHARED, "a noise mode; use shared (every frame starts from the same "
        + "noise), follow (the same noise, moved with the region) or independent (each frame its own)");
    boolean crossFrame = options.getBoolean(CROSS_FRAME, false);
    boolean first = options.getBoolean(FIRST, true);
    boolean previous = options.getBoolean(PREVIOUS, true);
    boolean own = options.getBoolean(OWN, true);
    Anchor which = choice(options, ANCHOR, DEFAULT_ANCHOR, "an anchor; use first (hold each frame to the first "
        + "frame's result), previous (to the previous frame's) or off");
    TemporalAnchor.Settings settings = new TemporalAnchor.Settings(options.getDouble(ANCHOR_UNTIL, DEFAULT_UNTIL),
        options.getInt(ANCHOR_FACTOR, DEFAULT_FACTOR), options.getDouble(ANCHOR_WEIGHT, 1.0));
    MovedReference.Motion motion = choice(options, ANCHOR_MOTION, DEFAULT_MOTION, "a motion; use flow (the earlier "
        + "result moves as the bedrock moved) or shift (as the region's centre moved)");
    return new VideoOptions(crossFrame && (first || previous), first, previous, own, noise, which, settings,
        motion);
  }

  /** The value of {@code key} among {@code fallback}'s constants, named in lower case; refused as not {@code what}. */
  private static <E extends Enum<E>> E choice(PluginConfig options, String key, E fallback, String what) {
    String given = options.getString(key, word(fallback));
    for (E e : fallback.getDeclaringClass().getEnumConstants()) {
      if (word(e).equals(given)) {
        return e;
      }
    }
    throw new IllegalArgumentException(key + "=" + given + " is not " + what);
  }

  private static String word(Enum<?> e) {
    return e.name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * The options without the {@code video.*} keys, with {@link #MOTION_ILVR_UNTIL} at {@link #FRAME_ILVR_UNTIL} where
   * they leave it out or at {@code auto} and the anchor is on: what each frame's picture edit receives.
   */
  public PluginConfig frameOptions(PluginConfig options) {
    Map<String, Object> rest = new LinkedHashMap<>();
    options.asMap().forEach((k, v) -> {
      if (!k.startsWith(PREFIX)) {
        rest.put(k, v);
      }
    });
    if (anchor != Anchor.OFF && "auto".equals(String.valueOf(rest.getOrDefault(MOTION_ILVR_UNTIL, "auto")))) {
      rest.put(MOTION_ILVR_UNTIL, FRAME_ILVR_UNTIL);
    }
    return PluginConfig.of(rest);
  }

  /**
   * The seed of frame {@code frame}: the edit's own with shared (or following) noise, else one derived from it per
   * frame.
   */
  public long frameSeed(long seed, int frame) {
    return noise != Noise.INDEPENDENT ? seed : seed + 0x9E3779B97F4A7C15L * frame;
  }

  /** These options as the result's record shows them. */
  public Map<String, String> record() {
    Map<String, String> r = new LinkedHashMap<>();
    r.put(CROSS_FRAME, Boolean.toString(crossFrame));
    r.put(FIRST, Boolean.toString(crossFrame && firstFrame));
    r.put(PREVIOUS, Boolean.toString(crossFrame && previousFrame));
    r.put(OWN, Boolean.toString(!crossFrame || ownFrame));
    r.put(NOISE, word(noise));
    r.put(ANCHOR, word(anchor));
    if (anchor != Anchor.OFF) {
      r.put(ANCHOR_UNTIL, Double.toString(anchorSettings.until()));
      r.put(ANCHOR_FACTOR, Integer.toString(anchorSettings.factor()));
      r.put(ANCHOR_WEIGHT, Double.toString(anchorSettings.weight()));
      r.put(ANCHOR_MOTION, word(anchorMotion));
    }
    return r;
  }
}
