package org.seqnlp.opennlp.namefind.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class Int8EmbeddingTableTest {

  private static final FloatEmbeddingTable FLOATS = new FloatEmbeddingTable(new float[] {
      1.27f, -0.64f, 0.01f, 0f,
      0f, 0f, 0f, 0f,
      -2.54f, 2.54f, 1.0f, -0.005f}, 3, 4);

  @Test
  void eachRowIsScaledByItsLargestMagnitudeOver127() {
    Int8EmbeddingTable table = Int8EmbeddingTable.quantize(FLOATS);
    assertEquals(8, table.bits());
    assertArrayEquals(new float[] {0.01f, 0f, 0.02f}, table.int8Rows().scales(), 1e-7f);
    assertArrayEquals(new byte[] {127, -64, 1, 0, 0, 0, 0, 0, -127, 127, 50, 0}, table.int8Rows().values());
    float[] row = new float[6];
    table.copyRow(2, row, 1);
    assertArrayEquals(new float[] {0f, -2.54f, 2.54f, 1.0f, 0f, 0f}, row, 1e-6f);
  }

  @Test
  void roundingErrorIsAtMostHalfAScale() {
    Random random = new Random(3);
    float[] values = RandomNetworks.gaussian(random, 50 * 20);
    FloatEmbeddingTable floats = new FloatEmbeddingTable(values, 50, 20);
    Int8EmbeddingTable table = Int8EmbeddingTable.quantize(floats);
    float[] row = new float[20];
    for (int r = 0; r < 50; r++) {
      table.copyRow(r, row, 0);
      for (int d = 0; d < 20; d++) {
        float error = Math.abs(row[d] - values[r * 20 + d]);
        assertTrue(error <= table.int8Rows().scales()[r] * 0.5001f, r + "/" + d + ": " + error);
      }
    }
  }

  @Test
  void withBitsConvertsBothWaysAndKeepsATableAlreadyStoredSo() {
    EmbeddingTable bytes = FLOATS.withBits(8);
    assertSame(bytes, bytes.withBits(8));
    assertSame(FLOATS, FLOATS.withBits(32));
    EmbeddingTable back = bytes.withBits(32);
    assertEquals(32, back.bits());
    float[] expected = new float[4];
    float[] actual = new float[4];
    for (int r = 0; r < 3; r++) {
      bytes.copyRow(r, expected, 0);
      back.copyRow(r, actual, 0);
      assertArrayEquals(expected, actual);
    }
    assertEquals("embedding bits must be one of [8, 32], not 16",
        assertThrows(IllegalArgumentException.class, () -> FLOATS.withBits(16)).getMessage());
  }
}
