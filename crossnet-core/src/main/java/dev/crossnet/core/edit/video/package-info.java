/**
 * Video edits: every frame edited by the picture runtime, tied together by cross-frame attention
 * ({@link dev.crossnet.core.edit.video.CrossFrameAttention}) and by noise shared across frames
 * ({@link dev.crossnet.core.edit.video.VideoOptions}); {@link dev.crossnet.core.edit.video.FrameByFrameEdit} runs
 * them.
 */
package dev.crossnet.core.edit.video;
