package dev.crossnet.core.engine;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libtorch's NNPACK switch ({@code at::globalContext().setUserEnabledNNPACK}), which DJL does not expose.
 *
 * <p>libtorch 2.7 asks whether NNPACK is available before every CPU convolution, and on processors NNPACK does not
 * support (AMD EPYC among them) each answer prints {@code Could not initialize NNPACK! Reason: Unsupported
 * hardware.} to the process's standard error: over a thousand lines for one edit, which no log setting silences.
 * With NNPACK switched off the question is never asked. NNPACK would only ever serve convolutions over batches of
 * 16 or more, so CrossNet's edits never used it; switching it off everywhere also keeps training numerics the
 * same on machines that do support it. The system property {@code crossnet.nnpack=true} leaves it on.
 *
 * <p>The switch is reached through the library's exported C++ symbols with JNA (which DJL already brings), on
 * Linux where {@code /proc/self/maps} names the loaded {@code libtorch_cpu}; elsewhere, or if the symbols are
 * missing, nothing changes and a debug line says why.
 */
final class Nnpack {

  private static final Logger LOG = LoggerFactory.getLogger(Nnpack.class);

  static final String KEEP_PROPERTY = "crossnet.nnpack";

  private static final String GLOBAL_CONTEXT = "_ZN2at13globalContextEv";
  private static final String SET_ENABLED = "_ZN2at7Context20setUserEnabledNNPACKEb";
  private static final String IS_ENABLED = "_ZNK2at7Context17userEnabledNNPACKEv";

  private Nnpack() {}

  /** Switches NNPACK off in the loaded libtorch unless {@code crossnet.nnpack=true}; call after the engine loads. */
  static void switchOffUnlessKept() {
    if (Boolean.getBoolean(KEEP_PROPERTY)) {
      LOG.debug("NNPACK left as libtorch sets it ({}=true)", KEEP_PROPERTY);
      return;
    }
    Optional<NativeLibrary> torch = loadedTorch();
    if (torch.isEmpty()) {
      return;
    }
    try {
      Pointer context = torch.get().getFunction(GLOBAL_CONTEXT).invokePointer(new Object[0]);
      torch.get().getFunction(SET_ENABLED).invokeVoid(new Object[] {context, Boolean.FALSE});
      LOG.debug("NNPACK switched off in {}", torch.get().getFile());
    } catch (UnsatisfiedLinkError | RuntimeException e) {
      LOG.debug("NNPACK left on: {}", e.toString());
    }
  }

  /** Whether libtorch will consider NNPACK for a convolution; empty where the switch cannot be read. */
  static Optional<Boolean> enabled() {
    return loadedTorch().flatMap(torch -> {
      try {
        Pointer context = torch.getFunction(GLOBAL_CONTEXT).invokePointer(new Object[0]);
        Function isEnabled = torch.getFunction(IS_ENABLED);
        return Optional.of((isEnabled.invokeInt(new Object[] {context}) & 0xff) != 0);
      } catch (UnsatisfiedLinkError | RuntimeException e) {
        LOG.debug("cannot read the NNPACK switch: {}", e.toString());
        return Optional.empty();
      }
    });
  }

  private static Optional<NativeLibrary> loadedTorch() {
    Path maps = Path.of("/proc/self/maps");
    if (!Files.isReadable(maps)) {
      LOG.debug("NNPACK left on: no {} to find libtorch_cpu in", maps);
      return Optional.empty();
    }
    try (Stream<String> lines = Files.lines(maps)) {
      Optional<String> path = lines.map(line -> line.substring(line.indexOf('/') < 0 ? line.length() : line.indexOf('/')))
          .filter(file -> file.endsWith("/libtorch_cpu.so"))
          .findFirst();
      if (path.isEmpty()) {
        LOG.debug("NNPACK left on: libtorch_cpu.so is not loaded");
      }
      return path.map(NativeLibrary::getInstance);
    } catch (IOException | UnsatisfiedLinkError e) {
      LOG.debug("NNPACK left on: {}", e.toString());
      return Optional.empty();
    }
  }
}
