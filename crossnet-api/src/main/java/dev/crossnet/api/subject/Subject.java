package dev.crossnet.api.subject;

import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Mask;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What goes into the region: one or more reference pictures of a person or thing (each with an optional mask
 * saying which pixels show it), or an appearance learned earlier and saved as an embedding file. The subject's
 * word is how a prompt refers to it ("a photo of {@code <my-dog>} running").
 *
 * <p>Reference pictures may have any size; the runtime resizes them to the edit's resolution (aspect ratio
 * not kept). Pictures are always RGB: grey or paletted images are converted when a {@link Picture} is made
 * from them, so a grey reference teaches a grey-looking subject. A mask must have the size of its picture.
 */
public final class Subject {

  private static final Pattern WORD = Pattern.compile("<?[A-Za-z][A-Za-z0-9_-]{0,31}>?");

  private final String word;
  private final List<Picture> pictures;
  private final List<Optional<Mask>> masks;
  private final Optional<Path> embedding;

  private Subject(String word, List<Picture> pictures, List<Optional<Mask>> masks, Optional<Path> embedding) {
    this.word = word;
    this.pictures = List.copyOf(pictures);
    this.masks = List.copyOf(masks);
    this.embedding = embedding;
  }

  /**
   * A subject seen in these pictures, referred to in prompts by {@code word}.
   *
   * @throws IllegalArgumentException when no picture is given or the word is not a single token
   */
  public static Subject of(String word, Picture... pictures) {
    return of(word, List.of(pictures));
  }

  public static Subject of(String word, List<Picture> pictures) {
    checkWord(word);
    Objects.requireNonNull(pictures, "pictures");
    if (pictures.isEmpty()) {
      throw new IllegalArgumentException("subject '" + word + "' has no reference pictures; give at least "
          + "one picture, or load a learned subject with Subject.fromEmbedding(path)");
    }
    List<Optional<Mask>> none = new ArrayList<>();
    for (Picture p : pictures) {
      none.add(Optional.empty());
    }
    return new Subject(word, pictures, none, Optional.empty());
  }

  /** A subject whose appearance was learned before and saved as an embedding file. */
  public static Subject fromEmbedding(String word, Path embeddingFile) {
    checkWord(word);
    Objects.requireNonNull(embeddingFile, "embeddingFile");
    return new Subject(word, List.of(), List.of(), Optional.of(embeddingFile));
  }

  /** A copy whose i-th picture is masked by the i-th mask (one mask per picture, each of its size). */
  public Subject withMasks(Mask... perPicture) {
    if (perPicture.length != pictures.size()) {
      throw new IllegalArgumentException("subject '" + word + "' has " + pictures.size()
          + " pictures but " + perPicture.length + " masks were given; give one mask per picture");
    }
    List<Optional<Mask>> list = new ArrayList<>();
    for (int i = 0; i < perPicture.length; i++) {
      Mask m = perPicture[i];
      Picture p = pictures.get(i);
      if (m.width() != p.width() || m.height() != p.height()) {
        throw new IllegalArgumentException("mask " + i + " of subject '" + word + "' is " + m.width() + "x"
            + m.height() + " but its picture is " + p.width() + "x" + p.height()
            + "; give each mask the size of its picture");
      }
      list.add(Optional.of(m));
    }
    return new Subject(word, pictures, list, embedding);
  }

  private static void checkWord(String word) {
    if (word == null || !WORD.matcher(word).matches()) {
      throw new IllegalArgumentException("subject word '" + word + "' is not a single token: use letters, "
          + "digits, '_' or '-', starting with a letter, optionally in angle brackets like <my-dog>");
    }
  }

  /** The word that refers to this subject in a prompt. */
  public String word() {
    return word;
  }

  public List<Picture> pictures() {
    return pictures;
  }

  /** One entry per picture: its mask, or empty when the whole picture shows the subject. */
  public List<Optional<Mask>> masks() {
    return masks;
  }

  /** The saved embedding, when the subject was loaded from one. */
  public Optional<Path> embedding() {
    return embedding;
  }

  @Override
  public String toString() {
    return "Subject[" + word + ", " + (embedding.isPresent() ? "embedding " + embedding.get()
        : pictures.size() + " pictures") + "]";
  }
}
