package org.seqnlp.examples.solr.opennlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.languagemodel.LanguageModel;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.util.StringList;
import opennlp.tools.util.Version;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.io.InputFormatException;
import org.seqnlp.opennlp.lm.RnnLanguageModel;
import org.seqnlp.opennlp.models.OpenNlpModelFiles;
import org.seqnlp.opennlp.namefind.NameFinderModels;
import org.seqnlp.opennlp.namefind.BiLstmCrfSequenceModel;
import org.seqnlp.vectors.WordVectors;

/**
 * The plugin on OpenNLP 1.9.4, which this module's class path holds as Solr 9 does: it finds the same names
 * with the same probabilities, splits the same sentences and scores the same as on the project's OpenNLP
 * ({@code seqnlp.opennlp.jar}, run in a class loader of its own on the same plugin classes), the copies from
 * {@code OpenNlpVersionExport} here against the original models there; and every OpenNLP class, method and
 * field the plugin's bytecode names exists in 1.9.4.
 */
class OpenNlp194CompatibilityTest {

  /** Invented text: a headline without a full stop, abbreviations, names of the four types. */
  private static final String TEXT = """
      PARIS TALKS END
      Angela Merkel met Emmanuel Macron in Paris on Monday. The European Union welcomed the talks.
      Dr. Smith flew to Washington and met Tim Cook, the chief executive of Apple, in New York.
      """;

  @TempDir
  static Path directory;

  private static Path nameFinder;
  private static Path sentences;
  private static Path tokens;
  private static Path languageModel;

  @BeforeAll
  static void writeModels() throws IOException {
    nameFinder = Files.write(directory.resolve("en-ner.bin"), TestModels.original(TestModels.NAME_FINDER));
    sentences = Files.write(directory.resolve("en-sent.bin"), TestModels.original(TestModels.SENTENCES));
    tokens = Files.write(directory.resolve("en-token.bin"), TestModels.original(TestModels.TOKENS));
    languageModel = Files.write(directory.resolve("ptb-char.zip"), TestModels.languageModel());
  }

  @Test
  void theClassPathHoldsOpenNlp194() {
    assertEquals("1.9.4", Version.currentVersion().toString());
  }

  @Test
  void openNlp194RefusesTheOriginalsForTheirVersion() throws IOException {
    byte[] original = TestModels.original(TestModels.NAME_FINDER);
    InputFormatException e = assertThrows(InputFormatException.class,
        () -> NameFinderModels.load(original, "en-ner.bin"));
    assertTrue(e.getMessage().matches("en-ner\\.bin: byte 0: not a readable OpenNLP model: .*Model version 2\\.5\\.\\d+"
        + " is not supported by this \\(1\\.9\\.4\\) version of OpenNLP!"), e.getMessage());
    assertThrows(InputFormatException.class, () -> OpenNlpModelFiles.load(TestModels.original(TestModels.SENTENCES),
        "en-sent.bin", SentenceModel::new));
  }

  @Test
  void namesSentencesAndScoresAreTheSameAsOnTheProjectsOpenNlp() throws Exception {
    Path nameFinder194 = Files.write(directory.resolve("en-ner-1.9.4.bin"),
        TestModels.forOpenNlp194(TestModels.NAME_FINDER));
    Path sentences194 = Files.write(directory.resolve("en-sent-1.9.4.bin"),
        TestModels.forOpenNlp194(TestModels.SENTENCES));
    Path tokens194 = Files.write(directory.resolve("en-token-1.9.4.bin"), TestModels.forOpenNlp194(TestModels.TOKENS));
    List<String> on194 = PluginRun.run(nameFinder194, sentences194, tokens194, languageModel, TEXT);

    Path projectOpenNlp = Path.of(System.getProperty("seqnlp.opennlp.jar"));
    URL[] urls = {location(PluginRun.class), location(BiLstmCrfSequenceModel.class), location(WordVectors.class),
        location(org.slf4j.LoggerFactory.class), projectOpenNlp.toUri().toURL()};
    try (URLClassLoader projectLoader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
      Class<?> version = projectLoader.loadClass(Version.class.getName());
      String projectVersion = version.getMethod("currentVersion").invoke(null).toString();
      assertTrue(projectVersion.startsWith("2."), projectVersion);
      @SuppressWarnings("unchecked")
      List<String> onProjectOpenNlp = (List<String>) projectLoader.loadClass(PluginRun.class.getName())
          .getMethod("run", Path.class, Path.class, Path.class, Path.class, String.class)
          .invoke(null, nameFinder, sentences, tokens, languageModel, TEXT);
      assertEquals(String.join("\n", onProjectOpenNlp), String.join("\n", on194));
    }
    assertTrue(on194.stream().anyMatch(line -> line.startsWith("  person ") && line.contains(" Angela Merkel ")),
        String.join("\n", on194));
  }

  @Test
  void theLanguageModelImplementsOpenNlp1sStringListForms() throws IOException {
    LanguageModel lm = RnnLanguageModel.load(languageModel);
    assertEquals(lm.calculateProbability("t", "h", "e"), lm.calculateProbability(new StringList("t", "h", "e")));
    assertEquals(new StringList(lm.predictNextTokens("t", "h")), lm.predictNextTokens(new StringList("t", "h")));
  }

  @Test
  void everyOpenNlpClassMethodAndFieldThePluginNamesExistsIn194() throws IOException {
    URL plugin = location(BiLstmCrfSequenceModel.class);
    var references = ClassFileReferences.references(plugin, "opennlp/");
    assertTrue(references.size() > 30, "too few references found: " + references);
    assertEquals(List.of(), ClassFileReferences.unresolved(references, getClass().getClassLoader()));
  }

  @Test
  void everyPluginClassImplementsAllOfOpenNlp194sAbstractMethods() throws Exception {
    List<String> unimplemented = new ArrayList<>();
    for (String name : ClassFileReferences.classNames(location(BiLstmCrfSequenceModel.class))) {
      Class<?> type = Class.forName(name, false, getClass().getClassLoader());
      if (!type.isInterface() && !Modifier.isAbstract(type.getModifiers())) {
        for (var method : type.getMethods()) {
          if (Modifier.isAbstract(method.getModifiers())) {
            unimplemented.add(name + ": " + method);
          }
        }
      }
    }
    assertEquals(List.of(), unimplemented);
  }

  private static URL location(Class<?> type) {
    return type.getProtectionDomain().getCodeSource().getLocation();
  }
}
