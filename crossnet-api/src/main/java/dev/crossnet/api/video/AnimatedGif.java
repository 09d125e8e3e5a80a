package dev.crossnet.api.video;

import dev.crossnet.api.image.Picture;
import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.w3c.dom.Node;

/**
 * Animated GIFs through {@code javax.imageio}. Reading composites each frame as a viewer shows it: a frame may
 * cover only part of the logical screen, at an offset; transparent pixels show what lies beneath; and after it
 * is shown, a frame's disposal method keeps it, clears its rectangle to the background or restores what was
 * there before. Pixels that no frame has covered yet take the background colour of the global colour table
 * (black without one).
 */
final class AnimatedGif {

  /** The frame rate of a GIF whose first frame gives no delay; browsers show such frames at about 10 fps. */
  static final double DEFAULT_FPS = 10;

  private static final String FORMAT = "animated GIF";
  private static final String STREAM_TREE = "javax_imageio_gif_stream_1.0";
  private static final String IMAGE_TREE = "javax_imageio_gif_image_1.0";

  private AnimatedGif() {}

  /** One frame as stored: its pixels, where they go, and what happens after it is shown. */
  private record StoredFrame(BufferedImage image, int left, int top, String disposal, int delay) {}

  static Video read(Path file) throws IOException {
    ImageReader reader = gifReader();
    List<String> warnings = new ArrayList<>();
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      reader.setInput(in, false, false);
      reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
      Video video = decode(reader);
      if (!warnings.isEmpty()) {
        throw new IOException(String.join("; ", warnings));
      }
      requireTrailer(file);
      return video;
    } catch (IOException | RuntimeException e) {
      throw VideoFiles.damaged(file, FORMAT, e);
    } finally {
      reader.dispose();
    }
  }

  /**
   * ImageIO silently drops frames after the point where a GIF is cut short; the trailer byte that ends every
   * complete GIF tells a truncated file from a short animation.
   */
  private static void requireTrailer(Path file) throws IOException {
    try (SeekableByteChannel in = Files.newByteChannel(file)) {
      ByteBuffer last = ByteBuffer.allocate(1);
      in.position(in.size() - 1).read(last);
      if (last.get(0) != 0x3B) {
        throw new IOException("the file ends before the GIF trailer (0x3B), so frames may be missing");
      }
    }
  }

  private static ImageReader gifReader() throws IOException {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("gif");
    if (!readers.hasNext()) {
      throw new IOException("this JVM has no GIF reader (javax.imageio); use a full JDK or write .mp4");
    }
    return readers.next();
  }

  private static Video decode(ImageReader reader) throws IOException {
    int count = reader.getNumImages(true);
    if (count <= 0) {
      throw new IOException("the GIF holds no frames");
    }
    List<StoredFrame> stored = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      stored.add(storedFrame(reader.read(i), reader.getImageMetadata(i)));
    }
    Node stream = reader.getStreamMetadata() == null ? null : reader.getStreamMetadata().getAsTree(STREAM_TREE);
    Node screen = child(stream, "LogicalScreenDescriptor");
    int width = intAttribute(screen, "logicalScreenWidth", 0);
    int height = intAttribute(screen, "logicalScreenHeight", 0);
    if (width <= 0 || height <= 0) {
      // some encoders leave the screen size 0: the frames' extent is what a viewer would show
      for (StoredFrame f : stored) {
        width = Math.max(width, f.left() + f.image().getWidth());
        height = Math.max(height, f.top() + f.image().getHeight());
      }
    }
    int delay = stored.get(0).delay();
    double fps = delay > 0 ? 100.0 / delay : DEFAULT_FPS;
    return Video.of(composite(stored, width, height, backgroundColour(stream)), fps);
  }

  private static StoredFrame storedFrame(BufferedImage image, IIOMetadata metadata) {
    Node tree = metadata.getAsTree(IMAGE_TREE);
    Node descriptor = child(tree, "ImageDescriptor");
    Node control = child(tree, "GraphicControlExtension");
    String disposal = control == null ? "none" : control.getAttributes().getNamedItem("disposalMethod")
        .getNodeValue();
    return new StoredFrame(image, intAttribute(descriptor, "imageLeftPosition", 0),
        intAttribute(descriptor, "imageTopPosition", 0), disposal, intAttribute(control, "delayTime", 0));
  }

  private static List<Picture> composite(List<StoredFrame> stored, int width, int height, int background) {
    BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    List<Picture> frames = new ArrayList<>(stored.size());
    for (StoredFrame f : stored) {
      BufferedImage before = f.disposal().equals("restoreToPrevious") ? copy(canvas) : null;
      Graphics2D g = canvas.createGraphics();
      try {
        g.drawImage(f.image(), f.left(), f.top(), null);
        frames.add(flatten(canvas, background));
        if (f.disposal().equals("restoreToBackgroundColor")) {
          g.setComposite(AlphaComposite.Clear);
          g.fillRect(f.left(), f.top(), f.image().getWidth(), f.image().getHeight());
        }
      } finally {
        g.dispose();
      }
      if (before != null) {
        canvas = before;
      }
    }
    return frames;
  }

  private static BufferedImage copy(BufferedImage image) {
    BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), image.getType());
    out.setData(image.getRaster());
    return out;
  }

  /** GIF transparency is all or nothing: a pixel is either covered or shows the background. */
  private static Picture flatten(BufferedImage canvas, int background) {
    int w = canvas.getWidth();
    int h = canvas.getHeight();
    int[] argb = canvas.getRGB(0, 0, w, h, null, 0, w);
    for (int i = 0; i < argb.length; i++) {
      argb[i] = (argb[i] >>> 24) < 128 ? background : argb[i];
    }
    return Picture.ofRgb(w, h, argb);
  }

  private static int backgroundColour(Node stream) {
    Node table = child(stream, "GlobalColorTable");
    int index = intAttribute(table, "backgroundColorIndex", 0);
    for (Node e = table == null ? null : table.getFirstChild(); e != null; e = e.getNextSibling()) {
      if (intAttribute(e, "index", -1) == index) {
        return (intAttribute(e, "red", 0) << 16) | (intAttribute(e, "green", 0) << 8) | intAttribute(e, "blue", 0);
      }
    }
    return 0;
  }

  private static Node child(Node parent, String name) {
    for (Node n = parent == null ? null : parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n.getNodeName().equals(name)) {
        return n;
      }
    }
    return null;
  }

  private static int intAttribute(Node node, String name, int missing) {
    Node attribute = node == null || node.getAttributes() == null ? null : node.getAttributes().getNamedItem(name);
    return attribute == null ? missing : Integer.parseInt(attribute.getNodeValue());
  }

  /**
   * Writes every frame whole (no offsets, disposal "none"), each with a delay of round(100 / fps) hundredths
   * of a second (GIF's unit; 1 to 65535), looping forever. ImageIO reduces a frame of more than 256 colours
   * to a palette of 256.
   */
  static void write(Video video, Path file) throws IOException {
    int delay = (int) Math.max(1, Math.min(65535, Math.round(100 / video.framesPerSecond())));
    VideoFiles.writeAtomically(file, tmp -> {
      Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
      if (!writers.hasNext()) {
        throw new IOException("this JVM has no GIF writer (javax.imageio); write .mp4 or a folder of PNG frames");
      }
      ImageWriter writer = writers.next();
      try (ImageOutputStream out = ImageIO.createImageOutputStream(tmp.toFile())) {
        writer.setOutput(out);
        writer.prepareWriteSequence(null);
        List<Picture> frames = video.frames();
        for (int i = 0; i < frames.size(); i++) {
          BufferedImage image = frames.get(i).toBufferedImage();
          ImageWriteParam param = writer.getDefaultWriteParam();
          IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image),
              param);
          describe(metadata, delay, i == 0);
          writer.writeToSequence(new IIOImage(image, null, metadata), param);
        }
        writer.endWriteSequence();
      } catch (RuntimeException e) {
        throw new IOException("could not write " + file.toAbsolutePath() + " as " + FORMAT + ": " + e, e);
      } finally {
        writer.dispose();
      }
    });
  }

  private static void describe(IIOMetadata metadata, int delay, boolean first) throws IOException {
    IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(IMAGE_TREE);
    // ImageIO interlaces by default, and a frame 2 rows high then reads back with its second row black
    childOrNew(root, "ImageDescriptor").setAttribute("interlaceFlag", "FALSE");
    IIOMetadataNode control = childOrNew(root, "GraphicControlExtension");
    control.setAttribute("disposalMethod", "none");
    control.setAttribute("userInputFlag", "FALSE");
    control.setAttribute("transparentColorFlag", "FALSE");
    control.setAttribute("delayTime", Integer.toString(delay));
    control.setAttribute("transparentColorIndex", "0");
    if (first) {
      // NETSCAPE2.0 with a loop count of 0: play forever
      IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
      loop.setAttribute("applicationID", "NETSCAPE");
      loop.setAttribute("authenticationCode", "2.0");
      loop.setUserObject(new byte[] {1, 0, 0});
      childOrNew(root, "ApplicationExtensions").appendChild(loop);
    }
    metadata.setFromTree(IMAGE_TREE, root);
  }

  private static IIOMetadataNode childOrNew(IIOMetadataNode parent, String name) {
    Node found = child(parent, name);
    if (found != null) {
      return (IIOMetadataNode) found;
    }
    IIOMetadataNode node = new IIOMetadataNode(name);
    parent.appendChild(node);
    return node;
  }
}
