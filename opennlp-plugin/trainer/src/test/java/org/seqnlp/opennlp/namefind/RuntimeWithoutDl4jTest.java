package org.seqnlp.opennlp.namefind;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderModel;
import org.junit.jupiter.api.Test;
import org.seqnlp.io.InputFormatException;

/**
 * Loads a model and tags in a class loader that sees only this module's classes, OpenNLP, SLF4J and
 * the word-vectors module, and refuses every ND4J/DL4J class: tagging must not need them.
 */
class RuntimeWithoutDl4jTest {

  private static final class NoDl4jClassLoader extends URLClassLoader {
    NoDl4jClassLoader(URL[] urls) {
      super(urls, ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith("org.nd4j.") || name.startsWith("org.deeplearning4j.") || name.startsWith("org.bytedeco.")) {
        throw new ClassNotFoundException(name + " is refused: tagging must not need ND4J/DL4J");
      }
      return super.loadClass(name, resolve);
    }
  }

  @Test
  void tagsWithNoNd4jOrDl4jClassLoadable() throws Exception {
    byte[] model = SyntheticNames.serializedModel();
    NameSample sample = SyntheticNames.samples(1, 7).get(0);
    String expected = Arrays.toString(new NameFinderME(SyntheticNames.model()).find(sample.getSentence()));

    URL[] urls = {location(BiLstmCrfSequenceModel.class), location(TokenNameFinderModel.class),
        location(InputFormatException.class), location(org.slf4j.LoggerFactory.class)};
    try (NoDl4jClassLoader loader = new NoDl4jClassLoader(urls)) {
      loader.loadClass("opennlp.tools.util.ext.ExtensionLoader").getMethod("registerAllowedPackage", String.class)
          .invoke(null, "org.seqnlp.");
      Object loaded = loader.loadClass(TokenNameFinderModel.class.getName()).getConstructor(InputStream.class)
          .newInstance(new ByteArrayInputStream(model));
      Class<?> finderClass = loader.loadClass(NameFinderME.class.getName());
      Object finder = finderClass.getConstructor(loaded.getClass()).newInstance(loaded);
      Method find = finderClass.getMethod("find", String[].class);
      Object[] spans = (Object[]) find.invoke(finder, (Object) sample.getSentence());
      assertEquals(expected, Arrays.toString(spans));
    }
  }

  private static URL location(Class<?> type) {
    return type.getProtectionDomain().getCodeSource().getLocation();
  }
}
