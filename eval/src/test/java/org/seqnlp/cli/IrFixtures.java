package org.seqnlp.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Two tiny collections in the MED and CISI layouts, invented text, where "automobile" neighbours "car". */
final class IrFixtures {

  private IrFixtures() {}

  /** Writes {@code ir/med} and {@code ir/cisi} under {@code dataRoot}. */
  static void writeMedAndCisi(Path dataRoot) throws IOException {
    Path med = Files.createDirectories(dataRoot.resolve("ir").resolve("med"));
    Files.writeString(med.resolve("MED.ALL"), ".I 1\n.W\nthe car would not start\n.I 2\n.W\na red automobile\n"
        + ".I 3\n.W\nbananas are yellow fruit\n");
    Files.writeString(med.resolve("MED.QRY"), ".I 1\n.W\nautomobile\n.I 2\n.W\nyellow fruit\n");
    Files.writeString(med.resolve("MED.REL"), "1 0 1 1\n1 0 2 1\n2 0 3 1\n");
    Path cisi = Files.createDirectories(dataRoot.resolve("ir").resolve("cisi"));
    Files.writeString(cisi.resolve("CISI.ALL"), ".I 1\n.T\nCars\n.W\nan old car in the rain\n"
        + ".I 2\n.T\nFruit\n.W\nripe fruit on a tree\n");
    Files.writeString(cisi.resolve("CISI.QRY"), ".I 1\n.W\nautomobile\n.I 2\n.W\nfruit\n");
    Files.writeString(cisi.resolve("CISI.REL"), "1 1 0 0.0\n2 2 0 0.0\n");
  }

  /** Vectors in word2vec text: automobile is car's near neighbour, fruit stands apart. */
  static Path vectors(Path directory) throws IOException {
    return Files.writeString(directory.resolve("v.txt"), "3 2\ncar 1.0 0.1\nautomobile 0.95 0.2\nfruit 0.0 1.0\n");
  }
}
