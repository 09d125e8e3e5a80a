package dev.crossnet.core.engine;

import ai.djl.engine.Engine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts DJL's PyTorch engine offline: the native library comes from the {@code pytorch-native-cpu} jar on
 * the class path, nothing is downloaded, and no usage tracking is sent. Settings the application made
 * itself are kept. NNPACK is switched off once the engine has loaded (see {@link Nnpack}: it prints a warning per
 * convolution on processors it does not support).
 */
public final class OfflineEngine {

  private static final Logger LOG = LoggerFactory.getLogger(OfflineEngine.class);

  private static boolean nnpackSettled;

  private OfflineEngine() {}

  /** Sets the offline defaults (once) and returns the PyTorch engine. */
  public static synchronized Engine get() {
    setDefault("ai.djl.offline", "true");
    setDefault("OPT_OUT_TRACKING", "true");
    setDefault("ai.djl.default_engine", "PyTorch");
    // a training run with two inter-op threads crashed in oneDNN's primitive cache (SIGSEGV); one is enough
    // for CrossNet's single-graph workloads
    setDefault("ai.djl.pytorch.num_interop_threads", "1");
    Engine engine = Engine.getEngine("PyTorch");
    if (!nnpackSettled) {
      Nnpack.switchOffUnlessKept();
      nnpackSettled = true;
    }
    LOG.debug("engine {} {}", engine.getEngineName(), engine.getVersion());
    return engine;
  }

  private static void setDefault(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
