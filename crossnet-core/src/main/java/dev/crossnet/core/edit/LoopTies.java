package dev.crossnet.core.edit;

import dev.crossnet.api.branch.AttentionControl;
import dev.crossnet.api.branch.ConditioningBranch;
import java.util.List;

/**
 * What ties one picture edit to edits before it, as a video edit ties each frame to the frames before it: further
 * attention controls and further branches in the denoising loop, and a shift of the edit's noise field.
 *
 * @param attention attention controls, after the branches' own; the caller's (the edit neither closes nor records
 *     them)
 * @param branches branches started after the plugin branches, with no options of their own, and closed with them;
 *     their runs adjust the sample after the plugin branches' runs do
 * @param noiseShiftX how far right (pixels of the bedrock; negative: left) every noise array the edit draws is
 *     rolled, rounded to whole cells of the sample: noise that moves with a moving region
 * @param noiseShiftY how far down, likewise
 */
public record LoopTies(List<AttentionControl> attention, List<ConditioningBranch> branches, int noiseShiftX,
    int noiseShiftY) {

  /** No ties: a picture edit on its own. */
  public static final LoopTies NONE = new LoopTies(List.of(), List.of(), 0, 0);

  public LoopTies {
    attention = List.copyOf(attention);
    branches = List.copyOf(branches);
  }
}
