package dev.crossnet.core.edit.branch;

import ai.djl.ndarray.NDArray;
import dev.crossnet.api.branch.BranchContext;
import dev.crossnet.api.branch.BranchRun;
import dev.crossnet.api.edit.Replacement;
import dev.crossnet.api.plugin.OptionKeys;
import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.core.edit.EditContext;
import dev.crossnet.core.edit.RecordedRun;
import dev.crossnet.core.relation.DiffusionParts;
import dev.crossnet.core.relation.Exemplar;
import dev.crossnet.core.relation.LearnedToken;
import dev.crossnet.core.relation.PartOfSpeechSets;
import dev.crossnet.core.relation.RelationInversion;
import dev.crossnet.core.relation.TimestepImportanceSampler;
import dev.crossnet.core.relation.WordNetLexicon;
import dev.crossnet.core.train.TrainingListener;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The occupant's action as a learned word, for any model: with {@code branch.action.token=learn} the branch learns,
 * for each region, a token {@code <action-i>} from the bedrock inside the region (textual inversion with the
 * reconstruction loss averaged over the region) while ReVersion's part-of-speech contrastive loss pulls the token
 * towards the vocabulary's verbs and away from its nouns and adjectives, so that it holds what the occupant does
 * rather than what it looks like. The token goes right after the subject's word ("a &lt;dog&gt; &lt;action-1&gt;").
 * The parts of speech come from WordNet over the model's own vocabulary, so nothing here is specific to one world.
 *
 * <p>Options ({@code branch.action.*}): {@code token} ({@code none}, the default, or {@code learn}), {@code steps}
 * (60), {@code learning-rate} (0.005), {@code steer-weight} (0.01: ReVersion's), {@code init-word} ("standing": the
 * row the token starts from), {@code template} ("a {}": the bedrock's caption while the token learns, {@code {}}
 * standing for the token), {@code positive-classes} ("verb") and {@code negative-classes} ("noun,adjective").
 */
public final class ActionBranch extends StatelessBranch {

  public static final String NAME = "action";
  /** The {@code token} option's values. */
  public static final List<String> TOKENS = List.of("none", "learn");
  private static final Logger LOG = LoggerFactory.getLogger(ActionBranch.class);

  public ActionBranch() {
    super(NAME, 50, "the occupant's action as a token learned from the bedrock's region, after the subject's word",
        OptionKeys.of("token", "steps", "learning-rate", "steer-weight", "init-word", "template",
            "positive-classes", "negative-classes"));
  }

  @Override
  public BranchRun start(BranchContext context) {
    EditContext c = EditContext.require(context, NAME);
    PluginConfig o = c.options();
    String token = o.getString("token", "none");
    if (!TOKENS.contains(token)) {
      throw new IllegalArgumentException("branch.action.token is '" + token + "'; use " + TOKENS + " (learn learns "
          + "the occupant's action as a word from the bedrock's region, none does not)");
    }
    Map<String, String> record = new LinkedHashMap<>();
    record.put("token", token);
    if (token.equals("none")) {
      return RecordedRun.ofWords(Map.of(), Map.of(), Map.of(), record);
    }
    String template = o.getString("template", "a {}");
    if (!template.contains("{}")) {
      throw new IllegalArgumentException("branch.action.template '" + template + "' has no {} for the action's "
          + "token; e.g. \"a {}\"");
    }
    PartOfSpeechSets words = PartOfSpeechSets.wordNet(c.model().tokenizer(), WordNetLexicon.shared());
    DiffusionParts parts = DiffusionParts.of(c.model());
    Map<String, NDArray> rows = new LinkedHashMap<>();
    Map<String, String> after = new LinkedHashMap<>();
    List<Replacement> replacements = c.request().replacements();
    for (int i = 0; i < replacements.size(); i++) {
      String placeholder = "<action-" + (i + 1) + ">";
      RelationInversion.Settings settings = settings(o, placeholder, c.request().seed() * 131 + i);
      Exemplar exemplar = new Exemplar(c.request().bedrock(), template.replace("{}", placeholder),
          Optional.of(replacements.get(i).region()));
      long started = System.nanoTime();
      LearnedToken learned = new RelationInversion(parts, settings).learn(List.of(exemplar), words,
          TrainingListener.NONE, c.progress(), c.request().settings().cancellation(), c.manager());
      double seconds = (System.nanoTime() - started) / 1e9;
      rows.put(placeholder, learned.embedding().reshape(1, -1));
      after.put(replacements.get(i).subject().word(), placeholder);
      record.put(placeholder, String.format(Locale.ROOT, "%d steps in %.1f s, after '%s'; %s", settings.steps(),
          seconds, replacements.get(i).subject().word(), nearest(learned.embedding(), words, c)));
      LOG.info("learned {} from region {} in {} steps ({} s)", placeholder, i, settings.steps(), seconds);
    }
    record.put("template", template);
    return RecordedRun.ofWords(rows, Map.of(), after, record);
  }

  private static RelationInversion.Settings settings(PluginConfig o, String placeholder, long seed) {
    String positives = o.getString("positive-classes", "verb");
    String negatives = o.getString("negative-classes", "noun,adjective");
    return new RelationInversion.Settings(placeholder, o.getString("init-word", "standing"), o.getInt("steps", 60),
        1, o.getDouble("learning-rate", 0.005), o.getDouble("steer-weight", 0.01),
        PluginConfig.of("positive-classes", positives, "negative-classes", negatives),
        TimestepImportanceSampler.REVERSION_ALPHA, seed, null);
  }

  /** The token's mean cosine similarity to each part of speech's words, for the record. */
  private static String nearest(NDArray token, PartOfSpeechSets words, EditContext c) {
    StringBuilder s = new StringBuilder("cosine to");
    words.meanCosines(token, c.model().textEncoder().tokenEmbeddings(), c.manager())
        .forEach((k, v) -> s.append(String.format(Locale.ROOT, " %s %.3f", k, v)));
    return s.toString();
  }
}
