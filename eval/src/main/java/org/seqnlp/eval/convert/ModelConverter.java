package org.seqnlp.eval.convert;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.seqnlp.io.InputFormatException;
import org.seqnlp.io.OutputFiles;
import org.seqnlp.io.tensor.TensorFile;
import org.seqnlp.opennlp.nn.BiLstmCrfNetworkFormat;

/**
 * Rewrites a shipped model zip in the {@link TensorFile} format: a name finder's
 * {@value #NETWORK_ENTRY} or a language model's {@value #WEIGHTS_ENTRY}. Every other entry is copied
 * byte for byte, in the same order and with the same time stamp.
 */
public final class ModelConverter {

  static final String NETWORK_ENTRY = "nameFinder.model";
  static final String WEIGHTS_ENTRY = "weights.bin";

  private ModelConverter() {
  }

  /**
   * Converts {@code input} into {@code output} (written atomically).
   *
   * @return the name of the converted entry
   */
  public static String convert(Path input, Path output) throws IOException {
    OutputFiles.checkWritable(output, input);
    List<ZipEntry> entries = new ArrayList<>();
    List<byte[]> contents = new ArrayList<>();
    String converted = null;
    try (ZipFile zip = new ZipFile(input.toFile())) {
      for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
          bytes = in.readAllBytes();
        }
        String source = input + "!" + entry.getName();
        if (entry.getName().equals(NETWORK_ENTRY) && LegacyFormats.isNetwork(bytes)) {
          ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
          BiLstmCrfNetworkFormat.write(LegacyFormats.readNetwork(bytes, source), out);
          bytes = out.toByteArray();
          converted = entry.getName();
        } else if (entry.getName().equals(WEIGHTS_ENTRY) && LegacyFormats.isTensorFile(bytes)) {
          ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
          TensorFile.write(LegacyFormats.readTensors(bytes, source), out);
          bytes = out.toByteArray();
          converted = entry.getName();
        }
        entries.add(entry);
        contents.add(bytes);
      }
    }
    if (converted == null) {
      throw InputFormatException.atByte(input.toString(), 0, "no " + NETWORK_ENTRY + " or " + WEIGHTS_ENTRY
          + " in an old format: nothing to convert");
    }
    OutputFiles.write(output, out -> {
      ZipOutputStream zip = new ZipOutputStream(out);
      for (int i = 0; i < entries.size(); i++) {
        ZipEntry entry = new ZipEntry(entries.get(i).getName());
        entry.setTime(entries.get(i).getTime());
        zip.putNextEntry(entry);
        zip.write(contents.get(i));
        zip.closeEntry();
      }
      zip.finish();
    });
    return converted;
  }
}
