package dev.crossnet.core.edit;

/**
 * libtorch (through DJL) allows one gradient collector per process: optimisations of concurrent edits
 * (textual inversion, null-text optimisation) take turns on this lock.
 */
final class GradientLock {

  static final Object LOCK = new Object();

  private GradientLock() {}
}
