package dev.crossnet.core.edit.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.crossnet.api.subject.Subject;
import dev.crossnet.core.model.DiffusionModel;
import dev.crossnet.core.model.ImageAdapter;
import dev.crossnet.core.model.ImageWords;
import dev.crossnet.core.nn.GradMode;

/**
 * Encodes a subject through the model's own {@link ImageWords}: the pictures (each cropped to its mask) through
 * the model's image encoder, their mean embedding mapped to word rows. No reader and no training per subject: it
 * works on any model whose folder has {@code image_encoder/} and {@code image_words/}.
 */
public final class ImageWordsEncoder implements SubjectEncoder {

  @Override
  public Encoding encode(Subject subject, DiffusionModel model, NDManager manager) {
    if (subject.pictures().isEmpty()) {
      throw new IllegalArgumentException("subject '" + subject.word() + "' has no pictures to encode");
    }
    ImageAdapter adapter = model.imageAdapter().orElse(null);
    ImageWords words = model.imageWords().orElse(null);
    if (adapter == null || words == null) {
      throw new IllegalArgumentException("branch.appearance.source=image-words needs a model with an image encoder "
          + "and image words (image_encoder/, ip_adapter/ and image_words/ in its folder), but " + model.source()
          + " has " + (adapter == null ? "no image adapter" : "no image words") + "; use source=adapter, encoder "
          + "or inversion, or fit image words for the model (TrainImageWords)");
    }
    try (NDManager scope = manager.newSubManager(); GradMode off = GradMode.disabled()) {
      NDArray rows = words.rows(adapter.embed(subject.pictures(), subject.masks(), scope));
      rows.attach(manager);
      return new Encoding(rows, "image words, " + subject.pictures().size() + " pictures, "
          + rows.getShape().get(0) + " rows", words.config().leadingWords());
    }
  }
}
