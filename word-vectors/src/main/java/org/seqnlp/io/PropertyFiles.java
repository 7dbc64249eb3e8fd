package org.seqnlp.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Properties;

/**
 * Parses manifests and descriptors ({@code .properties}) from untrusted files: {@link Properties#load}
 * reports a malformed {@code \\uXXXX} escape with an unchecked exception that names neither file nor line.
 */
public final class PropertyFiles {

  private PropertyFiles() {
  }

  /**
   * The properties in {@code bytes} (ISO-8859-1 with escapes, as {@code Properties.store} writes them).
   *
   * @param source names the file or zip entry in errors
   */
  public static Properties parse(byte[] bytes, String source) throws IOException {
    Properties properties = new Properties();
    try {
      properties.load(new ByteArrayInputStream(bytes));
    } catch (IllegalArgumentException e) {
      throw InputFormatException.atByte(source, 0, "not a properties file: " + e.getMessage(), e);
    }
    return properties;
  }
}
