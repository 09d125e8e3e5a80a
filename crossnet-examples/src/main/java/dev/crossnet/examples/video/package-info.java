/**
 * Video examples: held-out FigureWorld clips with ideal edits ({@link dev.crossnet.examples.video.ClipCase}), an
 * example program of the video API ({@link dev.crossnet.examples.video.ReplaceInClip}) and the video benchmark
 * ({@link dev.crossnet.examples.video.VideoBenchmark}).
 */
package dev.crossnet.examples.video;
