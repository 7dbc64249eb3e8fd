package org.seqnlp.opennlp.namefind;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import opennlp.tools.util.ext.ExtensionLoader;
import org.seqnlp.opennlp.namefind.network.BiLstmCrfNetwork;

/** Name-finder model zips for tests: a network's, its entries, and the zip with its entries changed. */
public final class ModelZips {

  private ModelZips() {
  }

  /** The {@code TokenNameFinderModel} zip around {@code network}, as OpenNLP writes it. */
  public static byte[] of(BiLstmCrfNetwork network) throws IOException {
    ExtensionLoader.registerAllowedPackage("org.seqnlp.");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new BiLstmCrfSequenceModel(network).toNameFinderModel("en").serialize(out);
    return out.toByteArray();
  }

  /** The entries of {@code zip}, name to bytes, in zip order. */
  public static Map<String, byte[]> entries(byte[] zip) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        entries.put(entry.getName(), in.readAllBytes());
      }
    }
    return entries;
  }

  /** {@code zip} with its entries (name to bytes, in zip order) changed by {@code change}. */
  public static byte[] rewritten(byte[] zip, UnaryOperator<Map<String, byte[]>> change) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> entry : change.apply(entries(zip)).entrySet()) {
        out.putNextEntry(new ZipEntry(entry.getKey()));
        out.write(entry.getValue());
        out.closeEntry();
      }
    }
    return bytes.toByteArray();
  }
}
