package dev.crossnet.core.edit;

import dev.crossnet.api.edit.EditRequest;
import dev.crossnet.api.edit.EditResult;
import dev.crossnet.api.edit.EditSettings;
import dev.crossnet.api.edit.Replacement;
import dev.crossnet.api.region.Mask;
import dev.crossnet.api.region.Region;
import dev.crossnet.core.image.RegionMasks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A region asked to hold several instances of its subject ({@link Replacement#count()} above 1): the region is
 * split into that many columns of equal width, and the subject is drawn in each column by an edit of its own, one
 * after another, each on the result of the one before (as {@link OneSubjectAtATime}), so each instance is drawn with
 * the ones before it in place beside it. A column's edit draws afresh: its motion branch is off (the occupant's
 * pose belongs to one figure, not to several) and, where the edit names no strength, it starts from noise
 * (strength 1). Replacements of count 1 in the same edit are edited as they would be alone, in their turn.
 *
 * <p>The result's record says {@code count} (each replacement's count, comma-separated) and keeps each edit's
 * record under {@code part-<i>.}.
 */
final class RegionCount {

  private RegionCount() {}

  /** Whether any replacement of the request asks for more than one instance. */
  static boolean asked(EditRequest request) {
    return request.replacements().stream().anyMatch(r -> r.count() > 1);
  }

  /** Runs the request's replacements, counted ones column by column, through {@code edit}. */
  static EditResult run(EditRequest request, Function<EditRequest, EditResult> edit) {
    List<Replacement> all = request.replacements();
    EditSettings settings = request.settings();
    int width = request.bedrock().width();
    int height = request.bedrock().height();
    List<OneSubjectAtATime.Part> parts = new ArrayList<>();
    for (Replacement own : all) {
      EditSettings base = settings.withPrompt(OneSubjectAtATime.promptOf(settings.prompt(), own, all));
      if (own.count() == 1) {
        parts.add(new OneSubjectAtATime.Part(own, base));
        continue;
      }
      EditSettings fresh = base.withOption("branch.motion", false);
      if (fresh.strength().isEmpty()) {
        fresh = fresh.withStrength(1.0);
      }
      for (Mask column : RegionMasks.columns(own.region(), own.count(), width, height)) {
        parts.add(new OneSubjectAtATime.Part(new Replacement(Region.mask(column), own.subject()), fresh));
      }
    }
    Map<String, String> record = new LinkedHashMap<>();
    record.put("count", all.stream().map(r -> Integer.toString(r.count())).collect(Collectors.joining(",")));
    return OneSubjectAtATime.chain(request, parts, "part-", record, edit);
  }
}
