package dev.crossnet.core.relation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Box;
import dev.crossnet.api.region.Region;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.figureworld.RelationType;
import dev.crossnet.core.pipeline.TextToImageRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelationInversionTest {

  private static final RelationInversion.Settings FEW_STEPS = RelationInversion.Settings.reversion(3)
      .withLearningRate(0.05).withBatchSize(1);

  @Test
  void aFewStepsTrainTheTokenAndLogReconstructionBeforeSteering() {
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      DiffusionParts parts = TinyParts.create(m);
      List<Exemplar> ex = RelationExemplars.figureWorld(RelationType.HOLDING_HANDS, 2, 16, 0, "<R>");
      List<List<String>> logged = new ArrayList<>();
      NDArray initial = parts.textEncoder().tokenEmbeddings().get(parts.tokenizer().tokenId("and</w>").getAsInt());
      LearnedToken r = new RelationInversion(parts, FEW_STEPS)
          .learn(ex, PartOfSpeechSets.figureWorld(parts.tokenizer()), (step, losses) -> {
            logged.add(List.copyOf(losses.keySet()));
            assertThat(losses.values()).allSatisfy(v -> assertThat(v).isFinite());
          }, m);
      assertThat(logged).hasSize(3).allSatisfy(keys -> assertThat(keys).containsExactly(
          "relation-token/reconstruction", "relation-token/pos-contrastive", "relation-token"));
      assertThat(r.placeholder()).isEqualTo("<R>");
      assertThat(r.embedding().sub(initial).abs().max().getFloat()).isGreaterThan(0f);
    }
  }

  @Test
  void aZeroSteerWeightLearnsWithTheReconstructionAlone() {
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      DiffusionParts parts = TinyParts.create(m);
      List<Exemplar> ex = RelationExemplars.figureWorld(RelationType.HOLDING_HANDS, 2, 16, 0, "<R>");
      List<List<String>> logged = new ArrayList<>();
      new RelationInversion(parts, FEW_STEPS.withSteerWeight(0))
          .learn(ex, PartOfSpeechSets.figureWorld(parts.tokenizer()),
              (step, losses) -> logged.add(List.copyOf(losses.keySet())), m);
      assertThat(logged).hasSize(3).allSatisfy(keys -> assertThat(keys).containsExactly(
          "relation-token/reconstruction", "relation-token"));
    }
  }

  @Test
  void theLearnedTokenFileRoundTrips(@TempDir Path dir) {
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      LearnedToken token = new LearnedToken("<R>", m.create(new float[] {1.5f, -2f, 0.25f}));
      Path file = dir.resolve("r.safetensors");
      token.save(file);
      LearnedToken back = LearnedToken.load(file, m);
      assertThat(back.placeholder()).isEqualTo("<R>");
      assertThat(back.embedding().toFloatArray()).containsExactly(1.5f, -2f, 0.25f);
      assertThat(dir.toFile().list()).containsExactly("r.safetensors");
    }
  }

  @Test
  void aLearnedRelationIsUsableInANewPrompt() {
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      DiffusionParts parts = TinyParts.create(m);
      NDArray row = parts.textEncoder().tokenEmbeddings().get(5).mul(3f);
      TextToImageRequest request = TextToImageRequest.of("a dog <R> a cat").withSize(16, 16).withSampler("ddim", 2);
      Picture with = LearnedTokenPromptEncoder.textToImage(parts, List.of(new LearnedToken("<R>", row)))
          .generate(request, m);
      Picture other = LearnedTokenPromptEncoder.textToImage(parts, List.of(new LearnedToken("<R>", row.neg())))
          .generate(request, m);
      assertThat(with.width()).isEqualTo(16);
      assertThat(with.rgbPixels()).isNotEqualTo(other.rgbPixels());
    }
  }

  @Test
  void anInpaintingUnetLearnsTheTokenFromWhatFillsTheBlankedRegion() {
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      DiffusionParts parts = TinyParts.createInpainting(m);
      assertThat(parts.inpainting()).isTrue();
      Picture picture = RelationExemplars.figureWorld(RelationType.HOLDING_HANDS, 1, 16, 0, "<R>").get(0).picture();
      Exemplar inRegion = new Exemplar(picture, "a <R>", Optional.<Region>of(new Box(2, 2, 8, 10)));
      Exemplar whole = new Exemplar(picture, "a <R>");
      PartOfSpeechSets words = PartOfSpeechSets.figureWorld(parts.tokenizer());
      List<Double> losses = new ArrayList<>();
      float[] region = new RelationInversion(parts, FEW_STEPS).learn(List.of(inRegion), words,
          (s, l) -> losses.add(l.get("relation-token")), m).embedding().toFloatArray();
      float[] again = new RelationInversion(parts, FEW_STEPS).learn(List.of(inRegion), words, (s, l) -> {}, m)
          .embedding().toFloatArray();
      float[] wholePicture = new RelationInversion(parts, FEW_STEPS).learn(List.of(whole), words, (s, l) -> {}, m)
          .embedding().toFloatArray();
      assertThat(losses).hasSize(3).allSatisfy(l -> assertThat(l).isFinite());
      assertThat(again).as("deterministic").containsExactly(region);
      assertThat(wholePicture).as("the whole picture blanked is another condition").isNotEqualTo(region);
    }
  }

  @Test
  void drawingWholePicturesRefusesAnInpaintingUnetAndNamesTheTextToImageModel() {
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      DiffusionParts parts = TinyParts.createInpainting(m);
      assertThatThrownBy(() -> LearnedTokenPromptEncoder.textToImage(parts, List.of()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("drawing with learned tokens")
          .hasMessageContaining("in_channels 7").hasMessageContaining("figureworld-v2");
      assertThatThrownBy(() -> new CountSteering(parts, CountSteering.Settings.defaults(2)))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("count steering")
          .hasMessageContaining("text-to-image UNet");
    }
  }

  @Test
  void captionsWithoutThePlaceholderAreRefused() {
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      DiffusionParts parts = TinyParts.create(m);
      List<Exemplar> ex = List.of(new Exemplar(Picture.filled(16, 16, 0), "a dog next to a cat"));
      assertThatThrownBy(() -> new RelationInversion(parts, FEW_STEPS)
          .learn(ex, PartOfSpeechSets.figureWorld(parts.tokenizer()), (s, l) -> {}, m))
          .hasMessageContaining("does not contain the placeholder <R>");
    }
  }

  @Test
  void aResumedInversionEndsWhereAStraightOneDoes(@TempDir Path dir) {
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      DiffusionParts parts = TinyParts.create(m);
      List<Exemplar> ex = RelationExemplars.figureWorld(RelationType.NEXT_TO, 2, 16, 0, "<R>");
      PartOfSpeechSets words = PartOfSpeechSets.figureWorld(parts.tokenizer());
      float[] straight = new RelationInversion(parts, FEW_STEPS.withSteps(4).withCheckpoints(dir.resolve("a")))
          .learn(ex, words, (s, l) -> {}, m).embedding().toFloatArray();
      new RelationInversion(parts, FEW_STEPS.withSteps(2).withCheckpoints(dir.resolve("b")))
          .learn(ex, words, (s, l) -> {}, m);
      List<Integer> resumedSteps = new ArrayList<>();
      float[] resumed = new RelationInversion(parts, FEW_STEPS.withSteps(4).withCheckpoints(dir.resolve("b")))
          .learn(ex, words, (s, l) -> resumedSteps.add(s), m).embedding().toFloatArray();
      assertThat(resumedSteps).containsExactly(2, 3);
      assertThat(resumed).containsExactly(straight);
    }
  }
}
