package dev.crossnet.api.edit;

import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Region;
import dev.crossnet.api.subject.Subject;
import java.util.ArrayList;
import java.util.List;

/** An edit whose latest region waits for its subject. */
public final class RegionStage extends EditStage<RegionStage> {

  private final Region region;

  RegionStage(Picture bedrock, List<Replacement> done, EditSettings settings, Region region) {
    super(bedrock, done, settings);
    this.region = region;
  }

  @Override
  RegionStage withSettings(EditSettings newSettings) {
    return new RegionStage(bedrock, done, newSettings, region);
  }

  /** The subject that takes the region's occupant's place. */
  public ReadyEdit with(Subject subject) {
    return with(List.of(subject));
  }

  /**
   * The subject for this region, given as a list: exactly one is expected. An empty list or more subjects
   * than regions are rejected with the way to fix it.
   */
  public ReadyEdit with(List<Subject> subjects) {
    return with(subjects, 1);
  }

  /**
   * {@code count} instances of the subject side by side in the region, in place of what it holds: the region is
   * split into {@code count} columns of equal width and the subject drawn afresh in each (the occupant's pose is
   * not kept). A count of 1 is {@link #with(Subject)}. Give a region a little wider than {@code count} instances.
   *
   * @throws IllegalArgumentException when {@code count} is not 1 to {@value Replacement#MAX_COUNT}
   */
  public ReadyEdit with(Subject subject, int count) {
    return with(List.of(subject), count);
  }

  private ReadyEdit with(List<Subject> subjects, int count) {
    if (subjects == null || subjects.isEmpty()) {
      throw new IllegalArgumentException("no subject given for region " + region
          + "; pass the subject that replaces the region's occupant, e.g. with(Subject.of(\"dog\", picture))");
    }
    if (subjects.size() > 1) {
      throw new IllegalArgumentException(subjects.size() + " subjects given for one region: more subjects "
          + "than regions. Give each subject its own region: .replace(r1).with(s1).replace(r2).with(s2)");
    }
    Subject subject = subjects.get(0);
    SubjectWords.requireNew(subject, done.stream().map(Replacement::subject).toList());
    List<Replacement> all = new ArrayList<>(done);
    all.add(new Replacement(region, subject, count));
    return new ReadyEdit(bedrock, all, settings);
  }
}
