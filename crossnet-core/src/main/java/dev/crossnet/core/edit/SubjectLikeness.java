package dev.crossnet.core.edit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.crossnet.api.edit.Replacement;
import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Mask;
import dev.crossnet.core.model.ImageAdapter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How much a picture shows each subject inside its region, read by a model's image encoder: the cosine similarity
 * between the embedding of the picture cropped to the region and the embedding of the subject's own pictures (each
 * cropped to its mask, as an image prompt reads them), averaged over the subjects. It needs no reader of any kind
 * of picture, only the encoder an image adapter brings (CLIP's vision tower for Stable Diffusion's IP-Adapter).
 *
 * <pre>{@code
 * SubjectLikeness likeness = SubjectLikeness.of(adapter, request.replacements(), w, h, manager);
 * double score = likeness.score(result.picture(), manager);   // -1 .. 1; higher: more like the subjects
 * }</pre>
 */
final class SubjectLikeness {

  private final ImageAdapter adapter;
  private final List<Mask> regions;
  /** Each subject's unit embedding [1, width], in the manager given to {@link #of}. */
  private final List<NDArray> subjects;

  private SubjectLikeness(ImageAdapter adapter, List<Mask> regions, List<NDArray> subjects) {
    this.adapter = adapter;
    this.regions = regions;
    this.subjects = subjects;
  }

  /**
   * Reads every subject's pictures once.
   *
   * @throws IllegalArgumentException when a subject has no pictures (given by an embedding file)
   */
  static SubjectLikeness of(ImageAdapter adapter, List<Replacement> replacements, int width, int height,
      NDManager manager) {
    List<Mask> regions = new ArrayList<>();
    List<NDArray> subjects = new ArrayList<>();
    for (Replacement r : replacements) {
      if (r.subject().pictures().isEmpty()) {
        throw new IllegalArgumentException("subject " + r.subject().word() + " has no pictures (it was given by an "
            + "embedding), so how much a result looks like it cannot be read; give it pictures, or leave the edit "
            + "option " + BestOfCandidates.OPTION + " out");
      }
      regions.add(r.region().toMask(width, height));
      subjects.add(unit(adapter.embed(r.subject().pictures(), r.subject().masks(), manager)));
    }
    return new SubjectLikeness(adapter, regions, subjects);
  }

  /** The mean over the subjects of the cosine similarity of the picture inside the subject's region. */
  double score(Picture picture, NDManager manager) {
    try (NDManager scope = manager.newSubManager()) {
      double sum = 0;
      for (int i = 0; i < regions.size(); i++) {
        NDArray seen = unit(adapter.embed(List.of(picture), List.of(Optional.of(regions.get(i))), scope));
        sum += seen.mul(subjects.get(i)).sum().getFloat();
      }
      return sum / regions.size();
    }
  }

  private static NDArray unit(NDArray embedding) {
    return embedding.div(embedding.norm().add(1e-12f));
  }
}
