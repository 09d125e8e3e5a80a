package dev.crossnet.core.figureworld;

/**
 * The named joints of FigureWorld's skeletons. Humanoids use the first group, four-legged animals the
 * second, birds a few of both; "front"
 * means the side the figure faces, "far" the legs on the other side of an animal's body.
 */
public enum Joint {
  HEAD,
  NECK,
  PELVIS,
  FRONT_SHOULDER,
  FRONT_ELBOW,
  FRONT_HAND,
  BACK_SHOULDER,
  BACK_ELBOW,
  BACK_HAND,
  FRONT_HIP,
  FRONT_KNEE,
  FRONT_FOOT,
  BACK_HIP,
  BACK_KNEE,
  BACK_FOOT,
  NOSE,
  TAIL_TIP,
  FORE_KNEE,
  FORE_PAW,
  FAR_FORE_KNEE,
  FAR_FORE_PAW,
  HIND_KNEE,
  HIND_PAW,
  FAR_HIND_KNEE,
  FAR_HIND_PAW,
  /** A bird's wing tip (birds also use HEAD, NECK, PELVIS, NOSE, TAIL_TIP, FRONT_FOOT and BACK_FOOT). */
  WING_TIP
}
