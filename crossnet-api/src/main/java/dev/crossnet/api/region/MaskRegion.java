package dev.crossnet.api.region;

/** A region given as a soft mask of the bedrock's size. */
public record MaskRegion(Mask mask) implements Region {

  public MaskRegion {
    java.util.Objects.requireNonNull(mask, "mask");
  }

  @Override
  public void requireWithin(int imageWidth, int imageHeight) {
    if (mask.width() != imageWidth || mask.height() != imageHeight) {
      throw new IllegalArgumentException("region mask is " + mask.width() + "x" + mask.height()
          + " but the bedrock is " + imageWidth + "x" + imageHeight + "; give a mask of the bedrock's size");
    }
    double coverage = mask.coverage();
    if (coverage == 0) {
      throw new IllegalArgumentException("region mask covers nothing (all weights are 0); "
          + "mark the object to replace with weights above 0");
    }
    if (coverage == 1) {
      throw new IllegalArgumentException("region mask covers the whole " + imageWidth + "x" + imageHeight
          + " bedrock, so nothing would be kept; use a smaller region (or plain text-to-image)");
    }
  }

  @Override
  public Mask toMask(int imageWidth, int imageHeight) {
    requireWithin(imageWidth, imageHeight);
    return mask;
  }
}
