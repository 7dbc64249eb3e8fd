package org.seqnlp.opennlp.namefind.gazetteer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GazetteerTest {

  private static final Gazetteer LISTS = Gazetteer.fromLists(Map.of(
      "location", List.of("New York", "New York City", "York", "Paris", "may"),
      "person", List.of("May", "Will", "Tim Cook")));

  @TempDir
  Path directory;

  /** The B/I/E/S features of type {@code type} of each token, as letters ('-' for none). */
  private static String positions(Gazetteer gazetteer, String type, String sentence) {
    String[] tokens = sentence.split(" ");
    float[] features = gazetteer.features(tokens);
    int offset = gazetteer.types().indexOf(type) * Gazetteer.POSITIONS;
    StringBuilder out = new StringBuilder();
    for (int t = 0; t < tokens.length; t++) {
      char letter = '-';
      for (int p = 0; p < Gazetteer.POSITIONS; p++) {
        if (features[t * gazetteer.featureSize() + offset + p] == 1f) {
          letter = "BIES".charAt(p);
        }
      }
      out.append(letter);
    }
    return out.toString();
  }

  @Test
  void marksTheLongestMatchWithItsPositions() {
    assertEquals("-BIE-", positions(LISTS, "location", "in New York City today"));
    assertEquals("-BE--", positions(LISTS, "location", "in New York state ."));
    assertEquals("S-S", positions(LISTS, "location", "Paris and York"));
  }

  @Test
  void ignoresCaseButNeedsACapital() {
    assertEquals("-BIE", positions(LISTS, "location", "in NEW YORK CITY"));
    assertEquals("S--", positions(LISTS, "person", "May I go"));
    assertEquals("---", positions(LISTS, "person", "you may go"));
    assertEquals("-BE", positions(LISTS, "person", "met Tim Cook"));
  }

  @Test
  void typesAreIndependentAndListsWithoutCapitalsAreLeftOut() {
    assertEquals(List.of("location", "person"), LISTS.types());
    assertEquals(8, LISTS.featureSize());
    assertEquals(List.of("new york", "new york city", "paris", "york"), LISTS.entries("location"));
    assertEquals("S", positions(LISTS, "person", "May"));
    assertEquals("-", positions(LISTS, "location", "May"));
  }

  @Test
  void compiledFromItsOwnNamesGivesTheSameFeatures() {
    Gazetteer again = Gazetteer.fromEntries(Map.of("location", LISTS.entries("location"), "person", LISTS.entries("person")));
    String[] tokens = "May Tim Cook visit New York City or York ?".split(" ");
    assertArrayEquals(LISTS.features(tokens), again.features(tokens));
  }

  @Test
  void readsTypedListsFromADirectory() throws IOException {
    Files.writeString(directory.resolve("loc-cities.txt"), "Paris\nLa Coruña\n\n");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(directory.resolve("org-companies.txt.gz")))) {
      out.write("10x Genomics, Inc.\n\"Angel\" University\n".getBytes(StandardCharsets.UTF_8));
    }
    Files.writeString(directory.resolve("README.md"), "not a list");
    Gazetteer gazetteer = GazetteerFiles.read(List.of(directory));
    assertEquals(List.of("location", "organization"), gazetteer.types());
    assertEquals(List.of("\" angel \" university", "10x genomics , inc."), gazetteer.entries("organization"));
    assertEquals("BIIE", positions(gazetteer, "organization", "10x Genomics , Inc."));
  }

  /** Compilation leaves such names out; only the reader can say which list lost them. */
  @Test
  void logsHowManyNamesOfTooManyTokensAListLoses() throws IOException {
    // nine tokens each; in the second, a thin space (U+2009) separates two of them, as Gazetteer.tokens splits
    Path list = Files.writeString(directory.resolve("org-long.txt"), "Acme\nOne Two Three Four Five Six Seven Eight"
        + " Nine\nOne\u2009Two Three Four Five Six Seven Eight Nine\n");
    PrintStream stderr = System.err;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
    Gazetteer gazetteer;
    try {
      gazetteer = GazetteerFiles.read(List.of(list));
    } finally {
      System.setErr(stderr);
    }
    assertEquals(List.of("acme"), gazetteer.entries("organization"));
    assertTrue(printed.toString(StandardCharsets.UTF_8).contains(list + ": 2 names of more than "
        + Gazetteer.MAX_ENTRY_TOKENS + " tokens left out"), printed.toString(StandardCharsets.UTF_8));
  }

  @Test
  void refusesATableAndAListWithoutCapitalsThatWouldMatchNothing() throws IOException {
    Path table = Files.writeString(directory.resolve("misc-tab.txt"), "Danish\nJapan\t12345\n");
    IOException tab = assertThrows(IOException.class, () -> GazetteerFiles.read(List.of(table)));
    assertEquals(table + ":2: a tab: a list holds one name a line, its words separated by spaces", tab.getMessage());
    Path lower = Files.writeString(directory.resolve("loc-low.txt"), "paris\nnew york\n");
    IOException noCapitals = assertThrows(IOException.class, () -> GazetteerFiles.read(List.of(lower)));
    assertEquals(lower + ": byte 0: no name with a capital letter: names are kept and matched only as capitalised"
        + " text, so the list would add nothing", noCapitals.getMessage());
  }

  /** Matching finds longer entries by sort order, where a control character would come before the space. */
  @Test
  void refusesAControlCharacterInAName() throws IOException {
    Path list = Files.writeString(directory.resolve("loc-odd.txt"), "New York\nNew\u0001Foo\n");
    IOException e = assertThrows(IOException.class, () -> GazetteerFiles.read(List.of(list)));
    assertEquals(list + ":2: a control character: a name holds printable characters and spaces", e.getMessage());
  }

  @Test
  void aDirectoryWithoutAListIsAnErrorAndAListGivenTwiceIsReadOnce() throws IOException {
    Path lists = Files.createDirectories(directory.resolve("lists"));
    Path cities = Files.writeString(lists.resolve("loc-cities.txt"), "Paris\n");
    Path typo = Files.createDirectories(directory.resolve("typo"));
    Files.writeString(typo.resolve("LOC-towns.txt"), "Lyon\n");
    IOException e = assertThrows(IOException.class, () -> GazetteerFiles.listFiles(List.of(lists, typo)));
    assertEquals(typo + ": no name list in it (a file named loc-*, per-*, org-* or misc-*, .txt or .txt.gz)",
        e.getMessage());
    assertEquals(List.of(cities), GazetteerFiles.listFiles(List.of(cities, lists)));
  }

  @Test
  void refusesAListWithoutATypePrefix() throws IOException {
    Path file = Files.writeString(directory.resolve("cities.txt"), "Paris\n");
    IOException e = assertThrows(IOException.class, () -> GazetteerFiles.read(List.of(file)));
    assertEquals(file + ": the name of a list must start with loc-, per-, org- or misc- to give its type", e.getMessage());
  }
}
