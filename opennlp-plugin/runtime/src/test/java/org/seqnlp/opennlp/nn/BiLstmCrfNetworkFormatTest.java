package org.seqnlp.opennlp.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.seqnlp.io.InputFormatException;

class BiLstmCrfNetworkFormatTest {

  private static final String[] SENTENCE = {"The", "cat", "sat", "on", "the", "Mat", "1984", "!"};

  private static byte[] written(BiLstmCrfNetwork network) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BiLstmCrfNetworkFormat.write(network, out);
    return out.toByteArray();
  }

  private static BiLstmCrfNetwork read(byte[] bytes) throws IOException {
    return BiLstmCrfNetworkFormat.read(new ByteArrayInputStream(bytes), "test.bin");
  }

  @Test
  void roundTripKeepsLabelsAndOutputs() throws IOException {
    BiLstmCrfNetwork network = RandomNetworks.create(5);
    BiLstmCrfNetwork copy = read(written(network));
    assertEquals(network.labels(), copy.labels());
    assertArrayEquals(network.emissions(SENTENCE), copy.emissions(SENTENCE));
    assertArrayEquals(network.tag(SENTENCE).labels(), copy.tag(SENTENCE).labels());
  }

  @Test
  void otherFilesAreRejectedAtByteZero() {
    InputFormatException e = assertThrows(InputFormatException.class,
        () -> read("PK\u0003\u0004 not a network at all".getBytes()));
    assertEquals("test.bin: byte 0: not a SeqNLP network (bad magic number)", e.getMessage());
  }

  @Test
  void newerVersionsAreRejectedWithTheVersion() throws IOException {
    byte[] bytes = written(RandomNetworks.create(5));
    bytes[11] = 9;
    InputFormatException e = assertThrows(InputFormatException.class, () -> read(bytes));
    assertEquals("test.bin: byte 8: unsupported network format version 9 (this build reads 1)", e.getMessage());
  }

  @Test
  void flippedWeightBitsFailTheChecksum() throws IOException {
    byte[] bytes = written(RandomNetworks.create(5));
    bytes[bytes.length - 20] ^= 1;
    InputFormatException e = assertThrows(InputFormatException.class, () -> read(bytes));
    assertTrue(e.getMessage().endsWith("checksum mismatch: the network is corrupted"), e.getMessage());
  }
}
