package dev.crossnet.core.figureworld;

/** The word classes of caption words; relation steering (ReVersion) needs prepositions and the other classes. */
public enum PartOfSpeech {
  NOUN,
  ADJECTIVE,
  VERB,
  PREPOSITION,
  /** Articles and counts: a, two, three, four. */
  DETERMINER,
  CONJUNCTION
}
