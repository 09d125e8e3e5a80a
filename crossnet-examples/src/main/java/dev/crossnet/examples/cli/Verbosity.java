package dev.crossnet.examples.cli;

import java.util.Arrays;
import picocli.CommandLine.Option;

/**
 * How much the {@code crossnet} command logs: warnings the user can act on by default, and with {@code --verbose}
 * every INFO line of CrossNet and DJL as well (model loads, phase timings, the engine's threads). Mixed into every
 * command ({@code @Mixin Verbosity verbosity;}); the level is set from the raw arguments by {@link #apply} before
 * the first logger exists, since SLF4J's simple logger reads its level only once.
 */
public final class Verbosity {

  static final String FLAG = "--verbose";

  /** DJL's GPU probe warns on every machine without a CUDA driver; nothing a user of a CPU build can act on. */
  private static final String GPU_PROBE = "ai.djl.util.cuda.CudaUtils";

  @Option(names = FLAG, description = "Also log what the work does (INFO lines: model loading, phase timings).")
  boolean verbose;

  /** Sets the simple logger's levels for {@code args}, keeping any level the user set with -D. */
  static void apply(String... args) {
    boolean verbose = Arrays.asList(args).contains(FLAG);
    setDefault("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
    setDefault("org.slf4j.simpleLogger.log." + GPU_PROBE, verbose ? "info" : "error");
  }

  private static void setDefault(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
