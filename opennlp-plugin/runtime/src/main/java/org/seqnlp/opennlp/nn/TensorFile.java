package org.seqnlp.opennlp.nn;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bridges the language-model code, which still imports {@code org.seqnlp.opennlp.nn.Tensor}, to the
 * one model format {@link org.seqnlp.io.tensor.TensorFile}; the bytes are that format's.
 *
 * @deprecated delete with {@link Tensor} when the {@code lm} package imports
 *     {@code org.seqnlp.io.tensor.Tensor} and {@code TensorFile} instead (an import change)
 */
@Deprecated(forRemoval = true)
public final class TensorFile {

  private TensorFile() {
  }

  /** Writes {@code tensors} to {@code out}, leaving it open (it may be a zip entry). */
  public static void write(Iterable<Tensor> tensors, OutputStream out) throws IOException {
    List<org.seqnlp.io.tensor.Tensor> converted = new ArrayList<>();
    for (Tensor tensor : tensors) {
      converted.add(new org.seqnlp.io.tensor.Tensor(tensor.name(), tensor.shape(), tensor.values()));
    }
    org.seqnlp.io.tensor.TensorFile.write(converted, out);
  }

  /** Reads the tensors of {@code in}, by name in file order; {@code source} names it in errors. */
  public static Map<String, Tensor> read(InputStream in, String source) throws IOException {
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    for (org.seqnlp.io.tensor.Tensor tensor : org.seqnlp.io.tensor.TensorFile.read(in, source).values()) {
      tensors.put(tensor.name(), new Tensor(tensor.name(), tensor.shape(), tensor.values()));
    }
    return tensors;
  }
}
