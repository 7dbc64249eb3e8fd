package org.seqnlp.lucene.expansion;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.util.ResourceLoader;

/** A resource loader serving named byte arrays, as Solr serves files of a core's conf directory. */
final class MapResourceLoader implements ResourceLoader {

  private final Map<String, byte[]> resources = new HashMap<>();

  MapResourceLoader with(String name, byte[] content) {
    resources.put(name, content);
    return this;
  }

  MapResourceLoader with(String name, String content) {
    return with(name, content.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public InputStream openResource(String resource) throws IOException {
    byte[] content = resources.get(resource);
    if (content == null) {
      throw new IOException("Resource not found: " + resource);
    }
    return new ByteArrayInputStream(content);
  }

  @Override
  public <T> Class<? extends T> findClass(String name, Class<T> expectedType) {
    throw new UnsupportedOperationException("no classes in a test resource loader");
  }
}
