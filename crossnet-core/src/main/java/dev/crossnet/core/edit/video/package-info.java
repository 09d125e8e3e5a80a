/**
 * Video edits: every frame edited by the picture runtime, tied together by a temporal anchor to an earlier frame's
 * result moved along the bedrock's motion ({@link dev.crossnet.core.edit.video.TemporalAnchor},
 * {@link dev.crossnet.core.edit.video.MovedReference}, {@link dev.crossnet.core.edit.video.BedrockFlow}), by noise
 * shared across frames and by cross-frame attention ({@link dev.crossnet.core.edit.video.CrossFrameAttention}), as
 * {@link dev.crossnet.core.edit.video.VideoOptions} say; {@link dev.crossnet.core.edit.video.FrameByFrameEdit} runs
 * them.
 */
package dev.crossnet.core.edit.video;
