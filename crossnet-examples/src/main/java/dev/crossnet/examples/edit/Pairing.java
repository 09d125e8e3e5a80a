package dev.crossnet.examples.edit;

import dev.crossnet.core.figureworld.FigureKind;

/**
 * How a benchmark case's subject relates to the occupant it replaces. An occupant of another skeleton (a dog in
 * place of a robot) is the hard case: the ideal edit then has an outline unlike the occupant's, while CrossNet's
 * motion branch carries the occupant's.
 */
enum Pairing {
  SAME_KIND("same kind"),
  SAME_SKELETON("other kind, same skeleton"),
  UNLIKE_SKELETON("unlike skeleton");

  private final String label;

  Pairing(String label) {
    this.label = label;
  }

  /** The pairing of an occupant of kind {@code occupant} and a subject of kind {@code subject}. */
  static Pairing of(FigureKind occupant, FigureKind subject) {
    if (occupant == subject) {
      return SAME_KIND;
    }
    return occupant.sharesSkeleton(subject) ? SAME_SKELETON : UNLIKE_SKELETON;
  }

  /** The column heading, e.g. "unlike skeleton". */
  String label() {
    return label;
  }
}
