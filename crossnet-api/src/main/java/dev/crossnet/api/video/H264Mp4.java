package dev.crossnet.api.video;

import dev.crossnet.api.image.Picture;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jcodec.api.FrameGrab;
import org.jcodec.api.JCodecException;
import org.jcodec.api.transcode.PixelStore;
import org.jcodec.api.transcode.SinkImpl;
import org.jcodec.api.transcode.VideoFrameWithPacket;
import org.jcodec.common.Codec;
import org.jcodec.common.DemuxerTrackMeta;
import org.jcodec.common.Format;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Packet;
import org.jcodec.common.model.Rational;
import org.jcodec.scale.AWTUtil;
import org.jcodec.scale.ColorUtil;
import org.jcodec.scale.Transform;

/** H.264 in an MP4 container, through the pure-Java jcodec (no native ffmpeg). */
final class H264Mp4 {

  /** The frame rate of a track that does not give its duration, the PAL video rate. */
  static final double DEFAULT_FPS = 25;

  private static final String FORMAT = "H.264 MP4";

  private H264Mp4() {}

  static Video read(Path file) throws IOException {
    try (SeekableByteChannel in = NIOUtils.readableChannel(file.toFile())) {
      FrameGrab grab = FrameGrab.createFrameGrab(in);
      List<Picture> frames = new ArrayList<>();
      for (var frame = grab.getNativeFrame(); frame != null; frame = grab.getNativeFrame()) {
        frames.add(Picture.of(AWTUtil.toBufferedImage(frame)));
      }
      if (frames.isEmpty()) {
        throw new IOException("the video track holds no frames");
      }
      return Video.of(frames, fps(grab.getVideoTrack().getMeta()));
    } catch (IOException | JCodecException | RuntimeException e) {
      // jcodec reports broken input as NullPointerException, IndexOutOfBounds and the like: name the file instead
      throw VideoFiles.damaged(file, FORMAT, e);
    }
  }

  private static double fps(DemuxerTrackMeta meta) {
    if (meta == null || meta.getTotalFrames() <= 0 || !(meta.getTotalDuration() > 0)) {
      return DEFAULT_FPS;
    }
    // frames over seconds carries the division's rounding error: 12 fps would read as 12.000000000000002
    return Math.round(meta.getTotalFrames() / meta.getTotalDuration() * 1e6) / 1e6;
  }

  /**
   * Writes H.264 (jcodec's baseline encoder) at the video's frame rate to 1/1000 frame per second. H.264's
   * 4:2:0 chroma covers pixels in pairs, so width and height must be even.
   */
  static void write(Video video, Path file) throws IOException {
    if (video.width() % 2 != 0 || video.height() % 2 != 0) {
      throw new IOException("cannot write " + file.toAbsolutePath() + " as " + FORMAT + ": the frames are "
          + video.width() + "x" + video.height() + " but H.264 needs an even width and height; crop or pad the"
          + " frames to " + even(video.width()) + "x" + even(video.height()) + ", or write .gif or a PNG folder");
    }
    long millis = Math.round(video.framesPerSecond() * 1000);
    if (millis < 1 || millis > Integer.MAX_VALUE) {
      throw new IOException("cannot write " + file.toAbsolutePath() + " as " + FORMAT + ": " + video.framesPerSecond()
          + " fps is outside the 0.001 to 2147483 fps an MP4 track can hold here; write .gif or a PNG folder");
    }
    Rational fps = Rational.reduce((int) millis, 1000);
    VideoFiles.writeAtomically(file, tmp -> {
      try (SeekableByteChannel out = NIOUtils.writableChannel(tmp.toFile())) {
        encode(video, fps, out);
      } catch (RuntimeException e) {
        throw new IOException("could not write " + file.toAbsolutePath() + " as " + FORMAT + ": " + e, e);
      }
    });
  }

  private static int even(int n) {
    return n % 2 == 0 ? n : n + 1;
  }

  /**
   * jcodec's {@code SequenceEncoder} converts RGB with its full-range (JPEG) transform, which darkens every
   * frame by about 5 levels, yet marks the stream as limited range, so decoders read it back with the
   * limited-range transform. Converting with the limited-range transform here and handing the planes to the
   * encoder (which accepts only pictures labelled full range) makes the two ends agree: about 8 dB better PSNR.
   */
  private static void encode(Video video, Rational fps, SeekableByteChannel out) throws IOException {
    SinkImpl sink = SinkImpl.createWithStream(out, Format.MOV, Codec.H264, null);
    sink.init();
    Transform toYuv = ColorUtil.getTransform(ColorSpace.RGB, ColorSpace.YUV420);
    int w = video.width();
    int h = video.height();
    for (int i = 0; i < video.frameCount(); i++) {
      BufferedImage image = video.frame(i).toBufferedImage();
      org.jcodec.common.model.Picture yuv = org.jcodec.common.model.Picture.create(w, h, ColorSpace.YUV420);
      toYuv.transform(AWTUtil.fromBufferedImageRGB(image), yuv);
      var labelled = org.jcodec.common.model.Picture.createPicture(w, h, yuv.getData(), ColorSpace.YUV420J);
      Packet packet = Packet.createPacket(null, (long) i * fps.getDen(), fps.getNum(), fps.getDen(), i,
          Packet.FrameType.KEY, null);
      sink.outputVideoFrame(new VideoFrameWithPacket(packet, new PixelStore.LoanerPicture(labelled, 0)));
    }
    sink.finish();
  }
}
