package dev.crossnet.core.edit;

import dev.crossnet.api.edit.Replacement;
import dev.crossnet.api.image.Picture;
import dev.crossnet.api.reading.OccupantReading;
import dev.crossnet.api.reading.SceneReader;
import dev.crossnet.api.reading.SubjectReading;
import dev.crossnet.api.reading.WordSlot;
import dev.crossnet.api.region.Mask;
import dev.crossnet.api.subject.Subject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How far a picture shows what the edit's reader read, region by region: the subject's look (the words the reader
 * reads the region with against the words it read the subject's pictures with, the likeliest word of each slot in
 * order, and the set of fixed phrases such as "with a hat", one point each) and the occupant's action (one point when
 * the region's reading names the action the subject should do there, {@link SceneReader#actionFor}), averaged over
 * the regions. Higher is better; the reader must read the model's pictures.
 */
final class ReadingAgreement {

  private final SceneReader reader;
  private final List<Mask> regions;
  private final List<SubjectReading> subjects;
  private final List<String> actions;

  private ReadingAgreement(SceneReader reader, List<Mask> regions, List<SubjectReading> subjects,
      List<String> actions) {
    this.reader = reader;
    this.regions = regions;
    this.subjects = subjects;
    this.actions = actions;
  }

  /** Reads every subject and every occupant of the bedrock once. */
  static ReadingAgreement of(SceneReader reader, Picture bedrock, List<Replacement> replacements) {
    List<Mask> regions = new ArrayList<>();
    for (Replacement r : replacements) {
      regions.add(r.region().toMask(bedrock.width(), bedrock.height()));
    }
    List<OccupantReading> occupants = reader.occupants(bedrock, regions);
    List<SubjectReading> subjects = new ArrayList<>();
    List<String> actions = new ArrayList<>();
    for (int i = 0; i < replacements.size(); i++) {
      SubjectReading subject = reader.subject(replacements.get(i).subject());
      subjects.add(subject);
      actions.add(reader.actionFor(subject, occupants.get(i)));
    }
    return new ReadingAgreement(reader, regions, subjects, actions);
  }

  /** The mean over the regions of the points the picture earns there. */
  double score(Picture picture) {
    List<OccupantReading> drawn = reader.occupants(picture, regions);
    double sum = 0;
    for (int i = 0; i < regions.size(); i++) {
      SubjectReading seen = reader.subject(Subject.of("<candidate>", picture).withMasks(regions.get(i)));
      sum += agreement(subjects.get(i).words(), seen.words())
          + (drawn.get(i).action().equals(actions.get(i)) ? 1 : 0);
    }
    return sum / regions.size();
  }

  /** One point per word slot whose likeliest words agree, in order, and one when the phrases are the same. */
  static int agreement(List<WordSlot> wanted, List<WordSlot> seen) {
    List<String> a = new ArrayList<>();
    List<String> b = new ArrayList<>();
    Set<String> phrasesA = new HashSet<>();
    Set<String> phrasesB = new HashSet<>();
    split(wanted, a, phrasesA);
    split(seen, b, phrasesB);
    int points = phrasesA.equals(phrasesB) ? 1 : 0;
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      points += a.get(i).equals(b.get(i)) ? 1 : 0;
    }
    return points;
  }

  private static void split(List<WordSlot> slots, List<String> likeliest, Set<String> phrases) {
    for (WordSlot s : slots) {
      if (s.isPhrase()) {
        phrases.add(s.phrase());
      } else {
        likeliest.add(s.mixture().entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey());
      }
    }
  }
}
