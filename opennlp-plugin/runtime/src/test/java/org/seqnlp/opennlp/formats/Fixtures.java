package org.seqnlp.opennlp.formats;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import opennlp.tools.formats.Conll02NameSampleStream;
import opennlp.tools.formats.Conll03NameSampleStream;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.util.MarkableFileInputStreamFactory;
import opennlp.tools.util.ObjectStream;
import opennlp.tools.util.PlainTextByLineStream;

/** Fixture files and OpenNLP's own readers, to compare our samples with theirs. */
final class Fixtures {

  /** OpenNLP's flags for all four CoNLL types. */
  static final int ALL_CONLL_TYPES = Conll02NameSampleStream.GENERATE_PERSON_ENTITIES
      | Conll02NameSampleStream.GENERATE_ORGANIZATION_ENTITIES
      | Conll02NameSampleStream.GENERATE_LOCATION_ENTITIES
      | Conll02NameSampleStream.GENERATE_MISC_ENTITIES;

  private Fixtures() {
  }

  /** Writes {@code lines}, each ended by a newline, in {@code charset}. */
  static Path write(Path file, Charset charset, String... lines) throws IOException {
    return Files.write(file, text(lines).getBytes(charset));
  }

  static Path write(Path file, String... lines) throws IOException {
    return write(file, StandardCharsets.UTF_8, lines);
  }

  static Path writeGzipped(Path file, String... lines) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text(lines).getBytes(StandardCharsets.UTF_8));
    }
    return Files.write(file, bytes.toByteArray());
  }

  private static String text(String... lines) {
    return String.join("\n", lines) + "\n";
  }

  static <T> List<T> readAll(ObjectStream<T> stream) throws IOException {
    List<T> all = new ArrayList<>();
    for (T item = stream.read(); item != null; item = stream.read()) {
      all.add(item);
    }
    return all;
  }

  static List<NameSample> readConll(Path file, TagScheme scheme) throws IOException {
    return ConllNameSampleStream.readAll(file, StandardCharsets.UTF_8, scheme);
  }

  static ObjectStream<String> lines(Path file) throws IOException {
    return new PlainTextByLineStream(new MarkableFileInputStreamFactory(file.toFile()), StandardCharsets.UTF_8);
  }

  /** The samples OpenNLP's CoNLL-2003 English reader makes of {@code file}. */
  static List<NameSample> openNlpConll03(Path file, int types) throws IOException {
    try (ObjectStream<NameSample> stream =
        new Conll03NameSampleStream(Conll03NameSampleStream.LANGUAGE.EN, lines(file), types)) {
      return readAll(stream);
    }
  }

  /** The samples OpenNLP's CoNLL-2002 reader for {@code language} makes of {@code file}. */
  static List<NameSample> openNlpConll02(Path file, Conll02NameSampleStream.LANGUAGE language, int types)
      throws IOException {
    try (ObjectStream<NameSample> stream = new Conll02NameSampleStream(language, lines(file), types)) {
      return readAll(stream);
    }
  }
}
