package dev.crossnet.core.edit.video;

import ai.djl.ndarray.NDManager;
import dev.crossnet.api.branch.AttentionControl;
import dev.crossnet.api.branch.ConditioningBranch;
import dev.crossnet.api.edit.EditRequest;
import dev.crossnet.api.edit.EditResult;
import dev.crossnet.api.edit.EditSettings;
import dev.crossnet.api.edit.VideoEditRequest;
import dev.crossnet.api.edit.VideoEditResult;
import dev.crossnet.api.image.Picture;
import dev.crossnet.api.progress.Progress;
import dev.crossnet.api.progress.ProgressListener;
import dev.crossnet.api.region.Mask;
import dev.crossnet.core.edit.DiffusionEditRuntime;
import dev.crossnet.core.edit.EditMemoryEstimate;
import dev.crossnet.core.edit.LoopTies;
import dev.crossnet.core.edit.ModelCache;
import dev.crossnet.core.pipeline.DenoisingLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A video edit: each frame, in order, edited as a picture with that frame's regions (so the motion branch reads
 * each frame's own occupant), with the frames tied together as {@link VideoOptions} say: a temporal anchor to the
 * first (or previous) frame's result moved to the frame ({@link TemporalAnchor}, {@link MovedReference}), noise
 * shared across frames (or moved with the region), and cross-frame attention to the first and previous frames.
 * Frames run one after the other; across frames only the first and previous frames' results, regions and (with
 * cross-frame attention) attention keys are held, so memory does not grow with the clip's length.
 */
public final class FrameByFrameEdit {

  /** Progress is reported in this phase: every denoising step of every frame. */
  public static final String PHASE = "frames";

  private static final Logger LOG = LoggerFactory.getLogger(FrameByFrameEdit.class);

  private final DiffusionEditRuntime runtime;
  private final ModelCache models;

  public FrameByFrameEdit(DiffusionEditRuntime runtime, ModelCache models) {
    this.runtime = runtime;
    this.models = models;
  }

  private static List<Mask> regions(EditRequest frame) {
    int w = frame.bedrock().width();
    int h = frame.bedrock().height();
    return frame.replacements().stream().map(r -> r.region().toMask(w, h)).toList();
  }

  public VideoEditResult run(VideoEditRequest request) {
    EditSettings settings = request.settings();
    VideoOptions options = VideoOptions.of(settings.options());
    ProgressListener progress = settings.progress();
    int n = request.bedrock().frameCount();
    int[] frameIndex = {0};
    // a frame's denoising steps advance the video's progress within that frame's share
    ProgressListener frameProgress = p -> {
      if (p.phase().equals(DenoisingLoop.PHASE) && p.total() > 0) {
        progress.onProgress(new Progress(PHASE, frameIndex[0] * p.total() + p.done(), n * p.total()));
      }
    };
    EditSettings frameSettings = new EditSettings(settings.prompt(), settings.negativePrompt(), settings.sampler(),
        settings.steps(), settings.strength(), settings.guidanceScale(), settings.seed(), settings.model(),
        options.frameOptions(settings.options()), frameProgress, settings.cancellation(),
        settings.memoryLimit());
    VideoEditRequest frames = new VideoEditRequest(request.bedrock(), request.replacements(), frameSettings,
        request.seed());
    List<Picture> edited = new ArrayList<>(n);
    Map<String, Duration> timings = new LinkedHashMap<>();
    Map<String, String> record = new LinkedHashMap<>();
    record.put("video.frames", Integer.toString(n));
    record.put("video.fps", Double.toString(request.bedrock().framesPerSecond()));
    record.putAll(options.record());
    long held = 0;
    try (NDManager manager = models.newEditManager(); CrossFrameAttention crossFrame = options.crossFrame()
        ? new CrossFrameAttention(manager, options.firstFrame(), options.previousFrame(), options.ownFrame()) : null) {
      // the regions of the frames later ones read (anchor, following noise)
      List<Mask> firstRegions = null;
      List<Mask> previousRegions = null;
      List<AttentionControl> controls = crossFrame == null ? List.of() : List.of(crossFrame);
      for (int f = 0; f < n; f++) {
        settings.cancellation().check("frame " + (f + 1) + " of " + n);
        frameIndex[0] = f;
        if (crossFrame != null) {
          crossFrame.beginFrame(f);
        }
        long frameSeed = options.frameSeed(request.seed(), f);
        EditRequest frame = frames.frame(f, frameSeed);
        List<Mask> regions = regions(frame);
        List<ConditioningBranch> ties = List.of();
        if (f > 0 && options.anchor() != VideoOptions.Anchor.OFF) {
          boolean first = options.anchor() == VideoOptions.Anchor.FIRST;
          int from = first ? 0 : f - 1;
          Picture reference = MovedReference.of(edited.get(from), first ? firstRegions : previousRegions,
              request.bedrock().frame(from), frame.bedrock(), regions, options.anchorMotion());
          ties = List.of(new TemporalAnchor(reference, options.anchorSettings(), frameSeed));
        }
        int[] shift = {0, 0};
        if (options.noise() == VideoOptions.Noise.FOLLOW && f > 0) {
          shift = MovedReference.shift(firstRegions.get(0), regions.get(0));
        }
        EditResult result = runtime.edit(frame, new LoopTies(controls, ties, shift[0], shift[1]));
        edited.add(result.picture());
        if (f == 0) {
          firstRegions = regions;
        }
        previousRegions = regions;
        result.timings().forEach((phase, d) -> timings.merge(phase, d, Duration::plus));
        if (f == 0) {
          result.record().forEach((k, v) -> record.putIfAbsent(k, v));
        }
        if (crossFrame != null) {
          held = Math.max(held, crossFrame.bytesHeld());
        }
      }
      if (crossFrame != null) {
        record.put("video.cross-frame.held", EditMemoryEstimate.readable(held));
        record.put("video.cross-frame.unmatched-calls", Long.toString(crossFrame.mismatches()));
      }
    }
    record.put("seed", Long.toString(request.seed()));
    LOG.info("video edit done: {} frames, {}", n, options.record());
    return new VideoEditResult(request.bedrock().withFrames(edited), request.seed(), timings, record);
  }
}
