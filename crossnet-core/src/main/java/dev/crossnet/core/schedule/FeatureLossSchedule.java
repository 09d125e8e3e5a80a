package dev.crossnet.core.schedule;

import ai.djl.ndarray.NDManager;
import dev.crossnet.api.progress.ProgressListener;
import dev.crossnet.core.model.DiffusionModel;
import java.util.List;

/**
 * A model's feature-loss schedule: for each noise level t, how much of a picture's structure and of its look the
 * model's prediction of x0 (in one step, or along a denoising path) still shows (see
 * {@link FeatureLossMeasurement}), with the floor an unrelated picture reaches, so that "gone" is defined per model,
 * and the ceiling the model's own codec sets (the picture encoded and decoded with no noise), so that "all there" is
 * defined too. Immutable.
 *
 * <p>Each signal is read normalised, from its floor (0) to its ceiling (1), clamped to [0, 1]:
 * {@code kept(t) = (raw(t) - floor) / (ceiling - floor)}. For a pixel-space model the ceiling is 1 (identical). Two settings for an edit follow from it:
 * <ul>
 *   <li>{@link #strength()}: among the levels whose structure is still at least {@value #STRUCTURE_KEPT} of its way
 *       from floor to ceiling, the one with the least look left (ties to the larger t). Starting an edit there
 *       keeps the occupant's pose while as little of its look as the model allows survives.
 *   <li>{@link #ilvrUntil()}: the share of the steps from {@link #strength()} down to 0 that lie above
 *       {@link #lookReturns()}, the largest t at which at least {@value #LOOK_KEPT} of the look survives. Below that
 *       level the sample already carries colour, so guiding its low frequencies towards the occupant would carry the
 *       occupant's colour too; above it they carry layout and pose only.
 * </ul>
 *
 * <pre>{@code
 * FeatureLossSchedule s = FeatureLossSchedule.loadOrCompute(model, pictures, FeatureLossSettings.standard(),
 *     ProgressListener.NONE, manager);
 * double strength = s.strength();      // e.g. 0.45
 * double ilvrUntil = s.ilvrUntil();    // e.g. 0.33
 * }</pre>
 *
 * @param modelIdentity the content hash of the model folder it was measured on ({@link ModelIdentity})
 * @param key the cache key: model identity, settings and pictures ({@link ScheduleCache#key})
 * @param settings the noise levels and seed
 * @param pictureCount how many pictures were measured
 * @param points one per noise level of {@code settings}, in order
 * @param structureFloor the structure agreement of unrelated pictures (picture i against picture i + 1)
 * @param lookFloor the look agreement of unrelated pictures
 * @param structureCeiling the structure agreement of each picture's codec round trip (encode, decode)
 * @param lookCeiling the look agreement of each picture's codec round trip
 * @param seconds how long the measurement took
 */
public record FeatureLossSchedule(String modelIdentity, String key, FeatureLossSettings settings, int pictureCount,
    List<FeatureLossPoint> points, double structureFloor, double lookFloor, double structureCeiling,
    double lookCeiling, double seconds) {

  /** The share of structure, from floor to identical, that {@link #strength()} still keeps. */
  public static final double STRUCTURE_KEPT = 0.5;
  /** The share of look, from floor to identical, above which the look counts as still there. */
  public static final double LOOK_KEPT = 0.5;

  public FeatureLossSchedule {
    points = List.copyOf(points);
    if (points.size() != settings.fractions().size()) {
      throw new IllegalArgumentException("a schedule of " + settings.fractions().size() + " noise levels needs as "
          + "many points, got " + points.size());
    }
    for (int i = 0; i < points.size(); i++) {
      if (Math.abs(points.get(i).t() - settings.fractions().get(i)) > 1e-9) {
        throw new IllegalArgumentException("point " + i + " is at t = " + points.get(i).t() + " but the settings "
            + "measure t = " + settings.fractions().get(i));
      }
    }
    if (!(structureFloor >= -1 && structureFloor <= 1) || !(lookFloor >= 0 && lookFloor <= 1)) {
      throw new IllegalArgumentException("floors out of range: structure " + structureFloor + ", look " + lookFloor);
    }
    if (!(structureCeiling >= -1 && structureCeiling <= 1) || !(lookCeiling >= 0 && lookCeiling <= 1)) {
      throw new IllegalArgumentException("ceilings out of range: structure " + structureCeiling + ", look "
          + lookCeiling);
    }
    if (pictureCount < 2) {
      throw new IllegalArgumentException("a schedule is measured on at least 2 pictures, got " + pictureCount);
    }
  }

  /**
   * The schedule of {@code model} on {@code pictures}: read from its cache file when one was written for the same
   * model content, settings and pictures, else measured and cached ({@link ScheduleCache}).
   */
  public static FeatureLossSchedule loadOrCompute(DiffusionModel model, List<MaskedPicture> pictures,
      FeatureLossSettings settings, ProgressListener progress, NDManager manager) {
    return ScheduleCache.standard().loadOrCompute(model, pictures, settings, progress, manager);
  }

  /** Structure kept at point i, from floor (0) to ceiling (1), clamped. */
  public double structureKept(int i) {
    return kept(points.get(i).structure(), structureFloor, structureCeiling);
  }

  /** Look kept at point i, from floor (0) to ceiling (1), clamped. */
  public double lookKept(int i) {
    return kept(points.get(i).look(), lookFloor, lookCeiling);
  }

  /** 0 when the ceiling is not above the floor: the codec itself loses what the signal reads. */
  private static double kept(double raw, double floor, double ceiling) {
    if (ceiling - floor < 1e-9) {
      return 0;
    }
    return Math.max(0, Math.min(1, (raw - floor) / (ceiling - floor)));
  }

  /**
   * The edit strength that keeps structure and loses look: among the levels with {@link #structureKept(int)} at
   * least {@link #STRUCTURE_KEPT}, the one with the least {@link #lookKept(int)}, ties to the larger t; the smallest
   * measured t when no level keeps that much structure.
   */
  public double strength() {
    int best = -1;
    for (int i = 0; i < points.size(); i++) {
      if (structureKept(i) >= STRUCTURE_KEPT && (best < 0 || lookKept(i) <= lookKept(best) + 1e-12)) {
        best = i;
      }
    }
    return points.get(Math.max(best, 0)).t();
  }

  /** The largest measured t at which at least {@link #LOOK_KEPT} of the look survives; 0 when none does. */
  public double lookReturns() {
    double t = 0;
    for (int i = 0; i < points.size(); i++) {
      if (lookKept(i) >= LOOK_KEPT) {
        t = points.get(i).t();
      }
    }
    return t;
  }

  /**
   * The share of an edit's steps, from {@link #strength()} down to 0, during which ILVR guides low frequencies:
   * {@code (strength - lookReturns) / strength}, clamped to [0, 1].
   */
  public double ilvrUntil() {
    return ilvrUntil(strength());
  }

  /**
   * The share of the steps of an edit from {@code strength} down to 0 that lie above {@link #lookReturns()}:
   * {@code (strength - lookReturns) / strength}, clamped to [0, 1].
   */
  public double ilvrUntil(double strength) {
    if (!(strength > 0 && strength <= 1)) {
      throw new IllegalArgumentException("strength must lie in (0, 1], got " + strength);
    }
    return Math.max(0, Math.min(1, (strength - lookReturns()) / strength));
  }
}
