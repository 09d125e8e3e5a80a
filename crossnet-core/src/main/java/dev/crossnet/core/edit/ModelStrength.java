package dev.crossnet.core.edit;

import dev.crossnet.api.edit.EditSettings;
import dev.crossnet.core.model.unet.InpaintingUnets;
import dev.crossnet.core.model.unet.UNetConfig;

/**
 * The strength an edit starts from when its settings name none: the one measured best for the kind of UNet the
 * model has. An inpainting UNet draws into the emptied region by itself and edits best from pure noise (1.0,
 * docs/inpainting.md); a text-to-image UNet needs some of the occupant left in its start (0.8, chosen on the
 * embedded default model, docs/edit-sweeps.md).
 */
public final class ModelStrength {

  /** The strength of an edit on a model with a text-to-image UNet (4 input channels). */
  public static final double TEXT_TO_IMAGE_UNET = 0.8;
  /** The strength of an edit on a model with an inpainting UNet (9 input channels). */
  public static final double INPAINTING_UNET = 1.0;

  private ModelStrength() {}

  /** The model's own strength for this UNet. */
  public static double of(UNetConfig unet) {
    return InpaintingUnets.isInpainting(unet) ? INPAINTING_UNET : TEXT_TO_IMAGE_UNET;
  }

  /** The settings' strength where they name one, else the model's own for this UNet. */
  public static double resolve(EditSettings settings, UNetConfig unet) {
    return settings.strength().orElseGet(() -> of(unet));
  }
}
