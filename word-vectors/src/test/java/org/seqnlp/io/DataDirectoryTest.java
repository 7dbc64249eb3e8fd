package org.seqnlp.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DataDirectoryTest {

  @Test
  void propertyComesFirst() {
    assertEquals(Path.of("/from/property"), DataDirectory.resolve("/from/property", "/from/env"));
  }

  @Test
  void environmentVariableWhenNoProperty() {
    assertEquals(Path.of("/from/env"), DataDirectory.resolve(null, "/from/env"));
    assertEquals(Path.of("/from/env"), DataDirectory.resolve(" ", "/from/env"));
  }

  @Test
  void defaultIsSharedDataBesideTheRepository() {
    assertEquals(Path.of("../shared/data"), DataDirectory.resolve(null, ""));
  }
}
