package dev.crossnet.core.figureworld.reading;

import ai.djl.ndarray.NDManager;
import dev.crossnet.api.image.Picture;
import dev.crossnet.api.reading.OccupantReading;
import dev.crossnet.api.reading.SceneReader;
import dev.crossnet.api.reading.SubjectReading;
import dev.crossnet.api.region.Mask;
import dev.crossnet.api.subject.Subject;
import dev.crossnet.core.figureworld.FigureKind;
import dev.crossnet.core.figureworld.Pose;
import dev.crossnet.core.figureworld.Size;
import dev.crossnet.core.judge.Judge;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The {@code figureworld} reader: FigureWorld's judge reads each occupant about the box around its region
 * ({@link FigureWorldPoseReader}) and each subject from its pictures ({@link FigureWorldJudgeEncoder#read}). Heights
 * are the scales FigureWorld draws its two sizes at, skeletons those of {@link FigureKind#skeleton()}, and a subject
 * takes its own kind's version of the occupant's pose ({@link FigureKind#closest}). The judge is loaded on first
 * use, once per reader.
 */
final class FigureWorldReader implements SceneReader {

  private final Function<NDManager, Judge> loader;
  private final NDManager manager;
  private NDManager judgeScope;
  private Judge judge;
  private boolean closed;

  /**
   * @param loader loads the judge into the manager it is given
   * @param manager the reader's judge lives in a child of it, closed with the reader
   */
  FigureWorldReader(Function<NDManager, Judge> loader, NDManager manager) {
    this.loader = loader;
    this.manager = manager;
  }

  @Override
  public List<OccupantReading> occupants(Picture bedrock, List<Mask> regions) {
    try (NDManager scope = manager.newSubManager()) {
      return new FigureWorldPoseReader(judge()).read(bedrock, regions, scope).stream()
          .map(FigureWorldReader::occupant).toList();
    }
  }

  @Override
  public SubjectReading subject(Subject subject) {
    try (NDManager scope = manager.newSubManager()) {
      return FigureWorldJudgeEncoder.read(subject, judge(), scope);
    }
  }

  @Override
  public List<String> actionWords() {
    return FigureWorldPoseReader.words();
  }

  @Override
  public String actionFor(SubjectReading subject, OccupantReading occupant) {
    return FigureKind.ofNoun(subject.kind()).closest(Pose.valueOf(occupant.action().toUpperCase(Locale.ROOT)))
        .word();
  }

  @Override
  public void close() {
    closed = true;
    if (judgeScope != null) {
      judge.close();
      judgeScope.close();
      judgeScope = null;
      judge = null;
    }
  }

  private Judge judge() {
    if (closed) {
      throw new IllegalStateException("the figureworld reader was closed with its edit; open another");
    }
    if (judge == null) {
      judgeScope = manager.newSubManager();
      judge = loader.apply(judgeScope);
    }
    return judge;
  }

  private static OccupantReading occupant(FigureWorldPoseReader.Reading r) {
    FigureKind kind = FigureKind.ofNoun(r.kind());
    Size size = Size.valueOf(r.size().toUpperCase(Locale.ROOT));
    return new OccupantReading(kind.noun(), r.word(), r.probability(), size.word(), size.scale(), kind.skeleton());
  }
}
