package org.seqnlp.opennlp.fuzz;

import java.nio.file.Path;
import java.util.List;

/**
 * One reader under fuzzing: valid seed inputs, and how to read a file with it.
 *
 * @param name the reader, also the folder of its regression inputs under {@code src/test/resources/fuzz}
 * @param fileSuffix the suffix the reader's files carry (some readers detect gzip by {@code .gz})
 * @param seeds valid inputs the mutations start from
 * @param reader reads a whole file
 */
record FuzzTarget(String name, String fileSuffix, List<byte[]> seeds, Reader reader) {

  /** Reads one file completely, throwing what the reader throws. */
  @FunctionalInterface
  interface Reader {
    void read(Path file) throws Exception;
  }
}
