package org.seqnlp.opennlp.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.seqnlp.io.InputFormatException;

class TensorFileTest {

  private static byte[] written() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TensorFile.write(List.of(new Tensor("w", new int[] {2, 3}, new float[] {1, 2, 3, 4, 5, -6.5f}),
        new Tensor("b", new int[] {1}, new float[] {Float.MIN_VALUE})), out);
    return out.toByteArray();
  }

  @Test
  void readsWhatItWritesInOrder() throws IOException {
    Map<String, Tensor> read = TensorFile.read(new ByteArrayInputStream(written()), "t.bin");
    assertEquals(List.of("w", "b"), List.copyOf(read.keySet()));
    assertArrayEquals(new int[] {2, 3}, read.get("w").shape());
    assertArrayEquals(new float[] {1, 2, 3, 4, 5, -6.5f}, read.get("w").values());
    assertEquals(Float.MIN_VALUE, read.get("b").values()[0]);
  }

  @Test
  void badMagicAndTruncationNameTheByteOffset() throws IOException {
    byte[] bytes = written();
    byte[] wrong = bytes.clone();
    wrong[0] = 'X';
    InputFormatException magic = assertThrows(InputFormatException.class,
        () -> TensorFile.read(new ByteArrayInputStream(wrong), "t.bin"));
    assertEquals("t.bin: byte 0: not a tensor file (bad magic number)", magic.getMessage());
    InputFormatException truncated = assertThrows(InputFormatException.class,
        () -> TensorFile.read(new ByteArrayInputStream(Arrays.copyOf(bytes, 30)), "t.bin"));
    assertEquals("t.bin: byte 30: file ends inside a tensor (truncated?)", truncated.getMessage());
  }

  @Test
  void tensorRejectsShapeThatDoesNotFitItsValues() {
    assertThrows(IllegalArgumentException.class, () -> new Tensor("x", new int[] {2, 2}, new float[3]));
  }
}
