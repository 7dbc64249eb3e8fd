package org.seqnlp.opennlp.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.io.InputFormatException;
import org.seqnlp.vectors.WordVectors;

class SeqNlpModelsTest {

  private static final String VECTORS = "3 2\nheart 1 0\ncardiac 0.9 0.1\nattack 0 1\n";

  @TempDir
  Path directory;

  @Test
  void aMissingModelJarNamesTheArtifactToAdd() {
    // The runtime's own test class path holds no model jar.
    FileNotFoundException missing = assertThrows(FileNotFoundException.class, () -> SeqNlpModels.nameFinder("en"));
    assertEquals("org/seqnlp/models/ner/en/model.properties: not on the class path;"
        + " add org.seqnlp:seqnlp-models-ner-en to your dependencies", missing.getMessage());

    ClassLoader empty = new URLClassLoader(new URL[0], null);
    assertTrue(assertThrows(FileNotFoundException.class, () -> SeqNlpModels.languageModel("ptb-word", empty))
        .getMessage().endsWith("add org.seqnlp:seqnlp-models-lm-ptb-word to your dependencies"));
    assertTrue(assertThrows(FileNotFoundException.class, () -> SeqNlpModels.wordVectors("en", empty))
        .getMessage().endsWith("add org.seqnlp:seqnlp-models-vectors-en to your dependencies"));
  }

  @Test
  void readsTheFileThatTheJarsDescriptorNames() throws IOException {
    try (URLClassLoader loader = loader(modelJar("vectors", "xx", descriptor("vectors", "tiny.txt"),
        "tiny.txt", VECTORS.getBytes(StandardCharsets.UTF_8)))) {
      WordVectors vectors = SeqNlpModels.wordVectors("xx", loader);
      assertEquals(3, vectors.size());
      assertArrayEquals(new float[] {0.9f, 0.1f}, vectors.vector(vectors.indexOf("cardiac")));
    }
  }

  @Test
  void refusesAnIdThatIsNotALowercaseName() {
    ClassLoader empty = new URLClassLoader(new URL[0], null);
    for (String id : new String[] {"../en", "EN", "", "en/", "-en"}) {
      assertThrows(IllegalArgumentException.class, () -> SeqNlpModels.nameFinder(id, empty), id);
    }
  }

  @Test
  void refusesADescriptorOfAnotherKind() throws IOException {
    try (URLClassLoader loader = loader(modelJar("ner", "xx", descriptor("lm", "tiny.txt"), "tiny.txt",
        new byte[1]))) {
      InputFormatException wrong = assertThrows(InputFormatException.class,
          () -> SeqNlpModels.nameFinder("xx", loader));
      assertTrue(wrong.getMessage().endsWith("org/seqnlp/models/ner/xx/model.properties: byte 0:"
          + " model.kind is lm, not ner"), wrong.getMessage());
    }
  }

  @Test
  void refusesAModelNameOutsideTheModelsFolder() throws IOException {
    try (URLClassLoader loader = loader(modelJar("vectors", "xx", descriptor("vectors", "../yy/tiny.txt"),
        "tiny.txt", new byte[1]))) {
      InputFormatException outside = assertThrows(InputFormatException.class,
          () -> SeqNlpModels.wordVectors("xx", loader));
      assertTrue(outside.problem().startsWith("model.name must be a file name"), outside.getMessage());
    }
  }

  @Test
  void aDescriptorNamingAnAbsentFileSaysSo() throws IOException {
    try (URLClassLoader loader = loader(modelJar("vectors", "xx", descriptor("vectors", "other.txt"),
        "tiny.txt", new byte[1]))) {
      FileNotFoundException absent = assertThrows(FileNotFoundException.class,
          () -> SeqNlpModels.wordVectors("xx", loader));
      assertTrue(absent.getMessage().startsWith("org/seqnlp/models/vectors/xx/other.txt: named by jar:"),
          absent.getMessage());
    }
  }

  @Test
  void refusesAModelThatDeclaresMoreThanTheLimitBeforeReadingIt() throws IOException {
    // Zeros deflate to almost nothing, but the jar's directory declares their full size.
    byte[] oversized = new byte[(int) ModelJar.MAX_MODEL_BYTES + 1];
    try (URLClassLoader loader = loader(modelJar("vectors", "xx", descriptor("vectors", "big.bin"),
        "big.bin", oversized))) {
      InputFormatException tooBig = assertThrows(InputFormatException.class,
          () -> SeqNlpModels.wordVectors("xx", loader));
      assertEquals("declares 41943041 bytes, over the limit of 41943040 for a model resource", tooBig.problem());
    }
  }

  @Test
  void stopsReadingAModelWithoutADeclaredSizeAtTheLimit() {
    ClassLoader endless = new ClassLoader(null) {
      @Override
      public URL getResource(String name) {
        return name.endsWith(ModelJar.DESCRIPTOR)
            ? testUrl("model.properties", () -> new ByteArrayInputStream(descriptor("vectors", "big.bin")))
            : testUrl("big.bin", Zeros::new);
      }
    };
    InputFormatException tooBig = assertThrows(InputFormatException.class,
        () -> SeqNlpModels.wordVectors("xx", endless));
    assertEquals("test:big.bin: byte 41943040: more than the limit of 41943040 bytes for a model resource",
        tooBig.getMessage());
  }

  private static byte[] descriptor(String kind, String fileName) {
    return ("model.kind=" + kind + "\nmodel.name=" + fileName + "\n").getBytes(StandardCharsets.ISO_8859_1);
  }

  /** A jar laid out as the build lays out a model jar, with {@code fileName} holding {@code model}. */
  private Path modelJar(String kind, String id, byte[] descriptor, String fileName, byte[] model)
      throws IOException {
    String folder = "org/seqnlp/models/" + kind + "/" + id + "/";
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put(folder + ModelJar.DESCRIPTOR, descriptor);
    entries.put(folder + fileName, model);
    Path jar = directory.resolve("seqnlp-models-" + kind + "-" + id + ".jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        out.putNextEntry(new JarEntry(entry.getKey()));
        out.write(entry.getValue());
        out.closeEntry();
      }
    }
    return jar;
  }

  private static URLClassLoader loader(Path jar) throws IOException {
    return new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
  }

  /** A {@code test:} URL serving {@code content} without a declared length, as some connections do. */
  private static URL testUrl(String name, Supplier<InputStream> content) {
    URLStreamHandler handler = new URLStreamHandler() {
      @Override
      protected URLConnection openConnection(URL url) {
        return new URLConnection(url) {
          @Override
          public void connect() {
          }

          @Override
          public InputStream getInputStream() {
            return content.get();
          }
        };
      }
    };
    try {
      return new URL(null, "test:" + name, handler);
    } catch (MalformedURLException e) {
      throw new AssertionError(e);
    }
  }

  /** An endless stream of zero bytes. */
  private static final class Zeros extends InputStream {
    @Override
    public int read() {
      return 0;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      Arrays.fill(buffer, offset, offset + length, (byte) 0);
      return length;
    }
  }
}
