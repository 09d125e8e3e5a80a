package dev.crossnet.core.weights;

import ai.djl.ndarray.NDManager;
import dev.crossnet.core.engine.OfflineEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Base of the tests that need arrays: a fresh {@link #manager} for each test, closed after it. */
abstract class ManagerPerTest {

  NDManager manager;

  @BeforeEach
  final void openManager() {
    manager = OfflineEngine.get().newBaseManager();
  }

  @AfterEach
  final void closeManager() {
    manager.close();
  }
}
