package dev.crossnet.core.edit.branch;

import ai.djl.ndarray.NDArray;
import dev.crossnet.api.branch.BranchContext;
import dev.crossnet.api.branch.BranchRun;
import dev.crossnet.api.edit.Replacement;
import dev.crossnet.api.plugin.OptionKeys;
import dev.crossnet.api.subject.Subject;
import dev.crossnet.core.edit.EditContext;
import dev.crossnet.core.edit.EmbeddingFile;
import dev.crossnet.core.edit.RecordedRun;
import dev.crossnet.core.edit.TextualInversion;
import dev.crossnet.core.edit.WordRows;
import dev.crossnet.core.edit.encoder.ImageWordsEncoder;
import dev.crossnet.core.edit.encoder.ReadingEncoder;
import dev.crossnet.core.edit.encoder.SubjectEncoder;
import dev.crossnet.core.model.ImageAdapter;
import dev.crossnet.core.pipeline.ImagePromptControl;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The subject's look: as word embeddings loaded from the subject's embedding file or made from its pictures (by
 * textual inversion, learned per subject, or by a reader's words, read in one pass), and, on a model with an image
 * adapter, as an image prompt: the pictures through the model's image encoder and IP-Adapter, attended to by every
 * cross-attention layer inside the subject's region only. Options ({@code branch.appearance.*}):
 * <ul>
 *   <li>{@code source}: {@code inversion}, {@code encoder} (the {@link ReadingEncoder}: the edit's reader names
 *       the subject in the model's words, the edit option {@code reader}), {@code encoder-then-inversion}
 *       (inversion that starts from the encoder's rows), {@code adapter} (the image prompt, the subject's word
 *       taking the neutral rows of {@code init-word}), {@code encoder-and-adapter} (the reader's words and the
 *       image prompt), {@code image-words} (the {@link ImageWordsEncoder}: the pictures through the model's image
 *       encoder and image words, no reader), {@code image-words-and-adapter} (those rows and the image prompt),
 *       or {@code auto} (the default): the encoder where the edit has a reader for its model (the
 *       {@code figureworld} reader on the embedded default model and on models that ship a FigureWorld judge),
 *       else image words and the adapter where the model has both, else the adapter where it has one, else
 *       inversion;</li>
 *   <li>{@code adapter-scale}: the image prompt's weight; 1 (as the adapter was trained) beside the neutral
 *       rows of {@code adapter}, 0.5 beside words of the subject's own (the reader's or image words);</li>
 *   <li>the words the rows follow, which the edit puts before the subject's word when the prompt has no
 *       determiner there (see {@code BranchRun.wordsBeforeSubject}): the encoder's (the article "a" of the
 *       default model's captions), the determiner right before {@code {}} in the inversion's template ("a" in
 *       "a {}", none in "a photo of {}"; the adapter's neutral word follows it too), or those saved in the
 *       subject's embedding file;</li>
 *   <li>for inversion: {@code steps} (100), {@code learning-rate} (0.005), {@code tokens} (1),
 *       {@code init-word} ("object"), {@code template} ("a photo of {}"; for
 *       a model that lacks these words, such as the embedded default model, "a {}" and the table's mean);</li>
 *   <li>{@code save-to}: a folder; each learned or encoded word is saved there as {@code <word>.safetensors},
 *       reusable with {@code Subject.fromEmbedding}.</li>
 * </ul>
 */
public final class AppearanceBranch extends StatelessBranch {

  public static final String NAME = "appearance";
  /** The {@code source} option's values: how a subject given by pictures becomes rows. */
  public static final List<String> SOURCES = List.of("auto", "encoder", "inversion", "encoder-then-inversion",
      "adapter", "encoder-and-adapter", "image-words", "image-words-and-adapter");
  /** The image prompt's weight where the options name none and the subject's word has neutral rows. */
  public static final double ADAPTER_SCALE = 1.0;
  /**
   * The image prompt's weight where the options name none and the subject's word has rows of its own (the
   * reader's words or image words): chosen on the edit benchmark's tuning scenes (docs/image-adapter.md).
   */
  public static final double ADAPTER_SCALE_WITH_WORDS = 0.5;

  public AppearanceBranch() {
    super(NAME, 0, "the subject's look: word embeddings (learned by inversion or read by an encoder) or an image "
        + "prompt through the model's image adapter",
        OptionKeys.of("source", "save-to", "steps", "learning-rate", "tokens", "init-word", "template", "shift",
            "mirror", "adapter-scale"));
  }

  @Override
  public BranchRun start(BranchContext context) {
    EditContext c = EditContext.require(context, NAME);
    String source = source(c);
    long width = c.model().textEncoder().config().hiddenSize();
    Map<String, NDArray> words = new LinkedHashMap<>();
    Map<String, String> record = new LinkedHashMap<>();
    Map<String, String> leading = new LinkedHashMap<>();
    boolean adapter = source.endsWith("adapter");
    Optional<ImageAdapter> imageAdapter = c.model().imageAdapter();
    if (adapter && imageAdapter.isEmpty()) {
      throw new IllegalArgumentException("branch.appearance.source=" + source + " needs a model with an image "
          + "adapter (image_encoder/ and ip_adapter/ in its folder), but " + c.model().source() + " has none; "
          + "use source=encoder or inversion, or add an adapter to the model folder");
    }
    float scale = (float) c.options().getDouble("adapter-scale",
        source.equals("adapter") ? ADAPTER_SCALE : ADAPTER_SCALE_WITH_WORDS);
    if (!(scale >= 0) || !Float.isFinite(scale)) {
      throw new IllegalArgumentException("branch.appearance.adapter-scale must be 0 or more, got " + scale
          + " (1 is the weight the adapter was trained with)");
    }
    record.put("source", source);
    List<ImagePromptControl.Prompt> prompts = new java.util.ArrayList<>();
    int index = 0;
    for (Replacement r : c.request().replacements()) {
      Subject s = r.subject();
      if (s.embedding().isPresent()) {
        words.put(s.word(), EmbeddingFile.load(s.embedding().get(), s.word(), width, c.manager()));
        leading.put(s.word(), EmbeddingFile.leadingWords(s.embedding().get()));
        record.put(s.word() + ".source", s.embedding().get().toString());
      } else {
        NDArray rows = null;
        if (adapter) {
          prompts.add(imagePrompt(imageAdapter.get(), s, c, index));
          record.put(s.word() + ".source", "image adapter, " + s.pictures().size() + " pictures, scale " + scale);
          if (source.equals("adapter")) {
            TextualInversion.Settings neutral =
                TextualInversion.Settings.from(c.options(), 0, c.model().vocabulary());
            rows = WordRows.mean(c.model().textEncoder(), c.model().tokenizer(), neutral.initWord(), c.manager())
                .reshape(1, -1);
            leading.put(s.word(), neutral.leadingWords());
            record.put(s.word() + ".words", neutral.initWord().isBlank() ? "the mean of the token table"
                : "'" + neutral.initWord() + "'");
          }
        }
        boolean reads = source.startsWith("encoder");
        if (reads || source.startsWith("image-words")) {
          SubjectEncoder encoder = reads ? new ReadingEncoder(c.reader().get("branch.appearance.source=" + source),
              c.reader().name()) : new ImageWordsEncoder();
          SubjectEncoder.Encoding encoded = encoder.encode(s, c.model(), c.manager());
          rows = encoded.rows();
          leading.put(s.word(), encoded.leadingWords());
          record.merge(s.word() + ".source", (reads ? "encoder, " : "image words, ") + s.pictures().size()
              + " pictures", (a, b) -> b + "; " + a);
          record.put(s.word() + ".encoding", encoded.description());
        }
        if (source.endsWith("inversion")) {
          TextualInversion.Settings settings =
              TextualInversion.Settings.from(c.options(), c.request().seed() * 31 + index, c.model().vocabulary());
          Optional<NDArray> start = Optional.ofNullable(rows);
          TextualInversion.Result learned = new TextualInversion(c.model(), c.codec(), c.sampler())
              .learn(s, c.request().bedrock().width(), c.request().bedrock().height(), settings, start,
                  c.progress(), c.request().settings().cancellation(), c.manager());
          start.ifPresent(NDArray::close);
          rows = learned.rows();
          leading.put(s.word(), settings.leadingWords());
          record.put(s.word() + ".source", start.isPresent() ? "encoder rows refined by inversion, "
              + s.pictures().size() + " pictures" : s.pictures().size() + " pictures");
          record.put(s.word() + ".inversion", settings.toString());
          record.put(s.word() + ".loss", String.format(Locale.ROOT, "%.5f -> %.5f", learned.lossBefore(),
              learned.lossAfter()));
        }
        words.put(s.word(), rows);
        String folder = c.options().getString("save-to", "");
        if (!folder.isBlank()) {
          Path file = Path.of(folder).resolve(fileName(s.word()));
          EmbeddingFile.save(file, s.word(), rows, leading.getOrDefault(s.word(), ""));
          record.put(s.word() + ".saved", file.toString());
        }
      }
      index++;
    }
    Optional<dev.crossnet.api.branch.AttentionControl> control = prompts.isEmpty() ? Optional.empty()
        : Optional.of(new ImagePromptControl(imageAdapter.get().adapter(), prompts, scale));
    return RecordedRun.ofWords(words, leading, Map.of(), record, control);
  }

  /** The subject's image-prompt tokens (and those of an empty image), confined to its replacement's region. */
  private static ImagePromptControl.Prompt imagePrompt(ImageAdapter imageAdapter, Subject s, EditContext c,
      int index) {
    NDArray mask = c.regionMask(index);
    float[] region = mask.toFloatArray();
    for (int i = 0; i < region.length; i++) {
      region[i] = region[i] > 0 ? 1 : 0;
    }
    return ImagePromptControl.prompt(imageAdapter, s.pictures(), s.masks(), region, (int) mask.getShape().get(3),
        (int) mask.getShape().get(2), c.manager());
  }

  /**
   * The source an edit uses for subjects given by pictures: the checked {@code source} option, with {@code auto}
   * (the default) resolved to {@code encoder} where the edit has a reader ({@link EditContext#reader()}), else
   * {@code image-words-and-adapter} where the model has an image adapter and image words, else {@code adapter}
   * where it has an image adapter, else {@code inversion}.
   */
  static String source(EditContext c) {
    String value = checked(EditContext.optionsOf(c.request().settings().options(), NAME).getString("source", "auto"));
    if (!value.equals("auto")) {
      return value;
    }
    if (c.reader().present()) {
      return "encoder";
    }
    if (c.model().imageAdapter().isPresent()) {
      return c.model().imageWords().isPresent() ? "image-words-and-adapter" : "adapter";
    }
    return "inversion";
  }

  private static String checked(String value) {
    if (!SOURCES.contains(value)) {
      throw new IllegalArgumentException("branch." + NAME + ".source '" + value + "' is not known; known values: "
          + SOURCES + " (inversion learns each subject's word, encoder reads it from the pictures in one pass, "
          + "encoder-then-inversion learns it starting from what the encoder read, adapter draws the pictures "
          + "through the model's image adapter, encoder-and-adapter does both, image-words maps the pictures to "
          + "word rows through the model's image words, image-words-and-adapter does both, auto is encoder where "
          + "a reader reads the model (the edit option reader), else image-words-and-adapter where the model has "
          + "both, else adapter where it has one, else inversion)");
    }
    return value;
  }

  /** The file a word is saved as: brackets dropped, e.g. {@code my-dog.safetensors}. */
  public static String fileName(String word) {
    return word.replace("<", "").replace(">", "") + ".safetensors";
  }
}
