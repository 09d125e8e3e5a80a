package dev.crossnet.core.edit;

import dev.crossnet.api.edit.EditSettings;
import dev.crossnet.core.model.DiffusionModel;
import dev.crossnet.core.model.unet.InpaintingUnets;
import dev.crossnet.core.schedule.ModelSchedule;

/**
 * The strength an edit starts from and the share of its steps ILVR holds, when the edit names neither: the model's
 * own. An inpainting UNet draws into the emptied region by itself and edits best from pure noise, with ILVR for
 * 30 % of the steps (docs/inpainting.md). A text-to-image UNet takes them from the feature-loss schedule its model
 * ships ({@link ModelSchedule}): the strength where the occupant's structure is still there and its look is gone,
 * and ILVR until the look would come back (docs/feature-loss-schedule.md); a model that ships none, or an edit
 * that names its strength, gets 0.8 and 60 %, chosen on the embedded default model (docs/edit-sweeps.md).
 *
 * @param strength how far into the noise the edit starts
 * @param from where it came from
 * @param ilvrUntil the share of the steps ILVR holds where the edit names none ({@code branch.motion.ilvr-until}
 *     {@code auto})
 */
public record ModelStrength(double strength, From from, double ilvrUntil) {

  /** Where an edit's strength came from; {@link #toString()} is the record's {@code strength.from}. */
  public enum From {
    SETTINGS("settings"),
    INPAINTING_UNET("inpainting UNet"),
    FEATURE_LOSS_SCHEDULE("feature-loss schedule"),
    TEXT_TO_IMAGE_UNET("text-to-image UNet");

    private final String words;

    From(String words) {
      this.words = words;
    }

    @Override
    public String toString() {
      return words;
    }
  }

  /** The strength of an edit on a model with an inpainting UNet (9 input channels). */
  public static final double INPAINTING_UNET = 1.0;
  /** The share of the steps ILVR holds on an inpainting UNet. */
  public static final double INPAINTING_ILVR_UNTIL = 0.3;
  /** The strength of an edit on a text-to-image UNet whose model ships no feature-loss schedule. */
  public static final double TEXT_TO_IMAGE_UNET = 0.8;
  /**
   * The share of the steps ILVR holds on a text-to-image UNet whose model ships no feature-loss schedule, or whose
   * edit names its strength (so such an edit edits as it did before models shipped schedules).
   */
  public static final double TEXT_TO_IMAGE_ILVR_UNTIL = 0.6;

  /**
   * The settings' strength where they name one, else the model's own; the model's schedule is read only when it
   * sets both.
   *
   * @param withSchedule whether the model's feature-loss schedule may set the strength and ILVR span (a picture
   *     edit); without it a text-to-image UNet gets the constants (a video's frames, whose defaults were chosen
   *     with them)
   */
  public static ModelStrength resolve(EditSettings settings, DiffusionModel model, boolean withSchedule) {
    boolean inpainting = InpaintingUnets.isInpainting(model.unet().config());
    double constantSpan = inpainting ? INPAINTING_ILVR_UNTIL : TEXT_TO_IMAGE_ILVR_UNTIL;
    if (settings.strength().isPresent()) {
      return new ModelStrength(settings.strength().getAsDouble(), From.SETTINGS, constantSpan);
    }
    if (inpainting) {
      return new ModelStrength(INPAINTING_UNET, From.INPAINTING_UNET, constantSpan);
    }
    ModelStrength constants = new ModelStrength(TEXT_TO_IMAGE_UNET, From.TEXT_TO_IMAGE_UNET, constantSpan);
    if (!withSchedule) {
      return constants;
    }
    return ModelSchedule.of(model)
        .map(s -> new ModelStrength(s.strength(), From.FEATURE_LOSS_SCHEDULE, s.ilvrUntil()))
        .orElse(constants);
  }
}
