package dev.crossnet.api.edit;

import dev.crossnet.api.video.Video;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a video edit produced: the edited clip, the seed that reproduces it, the wall time per phase summed over
 * frames, and every choice the run made (those of the video and of its first frame's edit).
 *
 * @param video the edited clip, at the bedrock's frame rate
 * @param seed the seed used; passing it back with the same inputs gives the same clip
 * @param timings wall time per phase, summed over every frame, in the order the phases first ran
 * @param record the run's choices, as readable key/value pairs
 */
public record VideoEditResult(Video video, long seed, Map<String, Duration> timings, Map<String, String> record) {

  public VideoEditResult {
    timings = Collections.unmodifiableMap(new LinkedHashMap<>(timings));
    record = Collections.unmodifiableMap(new LinkedHashMap<>(record));
  }

  /** The sum of all phases. */
  public Duration totalTime() {
    return timings.values().stream().reduce(Duration.ZERO, Duration::plus);
  }
}
