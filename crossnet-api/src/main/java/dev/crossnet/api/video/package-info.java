/**
 * Videos as immutable sequences of pictures, read from and written to animated GIFs, H.264 MP4 files and
 * folders of PNG frames. An edit of a video is an edit of each frame.
 */
package dev.crossnet.api.video;
