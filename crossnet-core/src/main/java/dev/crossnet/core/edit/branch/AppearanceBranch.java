package dev.crossnet.core.edit.branch;

import ai.djl.ndarray.NDArray;
import dev.crossnet.api.branch.BranchContext;
import dev.crossnet.api.branch.BranchRun;
import dev.crossnet.api.edit.Replacement;
import dev.crossnet.api.subject.Subject;
import dev.crossnet.core.edit.EditContext;
import dev.crossnet.core.edit.EmbeddingFile;
import dev.crossnet.core.edit.RecordedRun;
import dev.crossnet.core.edit.TextualInversion;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The subject's look as learned word embeddings: loaded from the subject's embedding file, or learned by
 * textual inversion on its pictures. Options ({@code branch.appearance.*}): {@code steps} (100),
 * {@code learning-rate} (0.005), {@code tokens} (1), {@code init-word} ("object"), {@code template}
 * ("a photo of {}"), {@code save-to} (a folder: each learned word is saved there as
 * {@code <word>.safetensors}, reusable with {@code Subject.fromEmbedding}).
 */
public final class AppearanceBranch extends StatelessBranch {

  public static final String NAME = "appearance";

  public AppearanceBranch() {
    super(NAME, 0, "the subject's look as learned inversion tokens");
  }

  @Override
  public BranchRun start(BranchContext context) {
    EditContext c = EditContext.require(context, NAME);
    long width = c.model().textEncoder().config().hiddenSize();
    Map<String, NDArray> words = new LinkedHashMap<>();
    Map<String, String> record = new LinkedHashMap<>();
    int index = 0;
    for (Replacement r : c.request().replacements()) {
      Subject s = r.subject();
      if (s.embedding().isPresent()) {
        words.put(s.word(), EmbeddingFile.load(s.embedding().get(), s.word(), width, c.manager()));
        record.put(s.word() + ".source", s.embedding().get().toString());
      } else {
        TextualInversion.Settings settings =
            TextualInversion.Settings.from(c.options(), c.request().seed() * 31 + index);
        TextualInversion.Result learned = new TextualInversion(c.model(), c.codec(), c.sampler())
            .learn(s, c.request().bedrock().width(), c.request().bedrock().height(), settings, c.progress(),
                c.request().settings().cancellation(), c.manager());
        words.put(s.word(), learned.rows());
        record.put(s.word() + ".source", s.pictures().size() + " pictures");
        record.put(s.word() + ".inversion", settings.toString());
        record.put(s.word() + ".loss", String.format(Locale.ROOT, "%.5f -> %.5f", learned.lossBefore(),
            learned.lossAfter()));
        String folder = c.options().getString("save-to", "");
        if (!folder.isBlank()) {
          Path file = Path.of(folder).resolve(fileName(s.word()));
          EmbeddingFile.save(file, s.word(), learned.rows());
          record.put(s.word() + ".saved", file.toString());
        }
      }
      index++;
    }
    return new RecordedRun() {
      @Override
      public Map<String, NDArray> wordEmbeddings() {
        return words;
      }

      @Override
      public Map<String, String> record() {
        return record;
      }
    };
  }

  /** The file a word is saved as: brackets dropped, e.g. {@code my-dog.safetensors}. */
  public static String fileName(String word) {
    return word.replace("<", "").replace(">", "") + ".safetensors";
  }
}
