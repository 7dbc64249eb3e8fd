package org.seqnlp.opennlp.models;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.util.Properties;
import java.util.regex.Pattern;
import org.seqnlp.io.InputFormatException;
import org.seqnlp.io.PropertyFiles;

/**
 * The resources of one SeqNLP model jar ({@code org.seqnlp:seqnlp-models-KIND-ID}) as a class loader
 * sees them: {@code org/seqnlp/models/KIND/ID/model.properties}, which names the model file beside it.
 * The jars are built from the files in the repository's {@code models/} folder.
 */
final class ModelJar {

  /** The largest shipped model is 21.6 MB; the limit leaves room without letting a bad jar exhaust memory. */
  static final long MAX_MODEL_BYTES = 40L << 20;
  static final long MAX_DESCRIPTOR_BYTES = 64L << 10;
  static final String DESCRIPTOR = "model.properties";

  /** Ids become resource paths and artifact names: lowercase words joined by hyphens, nothing else. */
  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  /** A file name beside the descriptor, never a path out of the model's folder. */
  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");

  private final String kind;
  private final String id;
  private final ClassLoader loader;

  /**
   * @param kind the folder under {@code models/}: ner, lm or vectors
   * @param id the language or name of the model, e.g. {@code en} or {@code ptb-word}
   * @throws IllegalArgumentException when {@code id} is not lowercase letters, digits and hyphens
   */
  ModelJar(String kind, String id, ClassLoader loader) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("bad model id \"" + id + "\": expected lowercase letters, digits and"
          + " hyphens, e.g. en or ptb-word");
    }
    this.kind = kind;
    this.id = id;
    this.loader = loader;
  }

  /** The Maven coordinates (without version) of the jar that holds this model. */
  String artifact() {
    return "org.seqnlp:seqnlp-models-" + kind + "-" + id;
  }

  /**
   * Reads the model file that the jar's descriptor names.
   *
   * @throws FileNotFoundException when the jar is not on the class path, naming the artifact to add
   * @throws InputFormatException when the descriptor is wrong or a file is over its size limit
   */
  ModelFile read() throws IOException {
    String folder = "org/seqnlp/models/" + kind + "/" + id + "/";
    URL descriptorUrl = loader.getResource(folder + DESCRIPTOR);
    if (descriptorUrl == null) {
      throw new FileNotFoundException(folder + DESCRIPTOR + ": not on the class path; add " + artifact()
          + " to your dependencies");
    }
    String descriptorSource = descriptorUrl.toString();
    Properties descriptor = PropertyFiles.parse(read(descriptorUrl, descriptorSource, MAX_DESCRIPTOR_BYTES),
        descriptorSource);
    if (!kind.equals(descriptor.getProperty("model.kind"))) {
      throw InputFormatException.atByte(descriptorSource, 0, "model.kind is " + descriptor.getProperty("model.kind")
          + ", not " + kind);
    }
    String fileName = descriptor.getProperty("model.name");
    if (fileName == null || !FILE_NAME.matcher(fileName).matches()) {
      throw InputFormatException.atByte(descriptorSource, 0, "model.name must be a file name beside the"
          + " descriptor, not " + fileName);
    }
    URL modelUrl = loader.getResource(folder + fileName);
    if (modelUrl == null) {
      throw new FileNotFoundException(folder + fileName + ": named by " + descriptorSource
          + " but not on the class path");
    }
    String modelSource = modelUrl.toString();
    return new ModelFile(modelSource, read(modelUrl, modelSource, MAX_MODEL_BYTES));
  }

  /**
   * The bytes of a resource, refused before reading when its declared size is over {@code limit} and
   * while reading when it holds more (a jar entry's declared size can lie).
   */
  static byte[] read(URL url, String source, long limit) throws IOException {
    URLConnection connection = url.openConnection();
    try (InputStream in = connection.getInputStream()) {
      long declared = connection.getContentLengthLong();
      if (declared > limit) {
        throw InputFormatException.atByte(source, 0, "declares " + declared + " bytes, over the limit of "
            + limit + " for a model resource");
      }
      byte[] bytes = in.readNBytes((int) limit + 1);
      if (bytes.length > limit) {
        throw InputFormatException.atByte(source, limit, "more than the limit of " + limit
            + " bytes for a model resource");
      }
      return bytes;
    }
  }

  /** A model file read whole, and the name errors give for it. */
  record ModelFile(String source, byte[] bytes) {

    InputStream stream() {
      return new ByteArrayInputStream(bytes);
    }
  }
}
