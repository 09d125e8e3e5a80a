package dev.crossnet.api.edit;

import dev.crossnet.api.image.Picture;
import dev.crossnet.api.video.Video;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The entry point of CrossNet's fluent API.
 *
 * <pre>{@code
 * EditResult result = Editor.bedrock(photo)
 *     .replace(Region.box(40, 20, 64, 120))
 *     .with(Subject.of("<my-dog>", dogPictures))
 *     .prompt("a photo of <my-dog> jumping")
 *     .seed(42)
 *     .run();
 * }</pre>
 *
 * The stages are typed so that an edit without a region or a subject does not compile; several subjects
 * are given by repeating {@code replace(...).with(...)}.
 */
public final class Editor {

  private Editor() {}

  /** Starts an edit of this picture. */
  public static BedrockStage bedrock(Picture bedrock) {
    return new BedrockStage(bedrock, List.of(), EditSettings.defaults());
  }

  /**
   * Starts an edit of this clip: every frame is edited, the subject doing what the occupant does frame by frame.
   *
   * <pre>{@code
   * VideoEditResult result = Editor.bedrock(Video.read(Path.of("dance.mp4")))
   *     .replace(RegionTrack.box(40, 20, 64, 120))
   *     .with(Subject.of("<my-dog>", dogPictures))
   *     .run();
   * result.video().write(Path.of("out.mp4"));
   * }</pre>
   */
  public static VideoBedrockStage bedrock(Video clip) {
    return new VideoBedrockStage(clip, List.of(), EditSettings.defaults());
  }

  public static BedrockStage bedrock(BufferedImage bedrock) {
    return bedrock(Picture.of(bedrock));
  }
}
