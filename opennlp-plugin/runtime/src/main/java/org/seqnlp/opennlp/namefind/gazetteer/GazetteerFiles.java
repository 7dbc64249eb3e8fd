package org.seqnlp.opennlp.namefind.gazetteer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.seqnlp.io.InputFormatException;
import org.seqnlp.io.LineReader;
import org.seqnlp.opennlp.namefind.Capitalisation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads name lists, one name a line (UTF-8, plain or gzip), typed by the prefix of the file name as in
 * {@code ../shared/data/ner-resources}: {@code loc-} location, {@code per-} person, {@code org-}
 * organization, {@code misc-} misc. A directory stands for the lists in it and below it, in name order.
 *
 * <p>Names are split into tokens as CoNLL data are: on whitespace, with the commas, semicolons, colons,
 * brackets and double quotes at either end of a word as tokens of their own ({@code Genomics, Inc.}
 * becomes {@code Genomics , Inc.}), so that entries meet the tokens of tokenised text.
 */
public final class GazetteerFiles {

  private static final Map<String, String> TYPE_BY_PREFIX = Map.of(
      "loc-", "location", "per-", "person", "org-", "organization", "misc-", "misc");
  private static final String DETACHED = ",;:()[]\"";
  private static final Logger LOG = LoggerFactory.getLogger(GazetteerFiles.class);

  private GazetteerFiles() {
  }

  /** Reads and compiles the lists in {@code paths} (files or directories). */
  public static Gazetteer read(List<Path> paths) throws IOException {
    Map<String, List<String>> namesByType = new TreeMap<>();
    for (Path file : listFiles(paths)) {
      String type = typeOf(file);
      List<String> names = namesByType.computeIfAbsent(type, t -> new ArrayList<>());
      boolean anyCapitalised = false;
      int tooLong = 0;
      try (LineReader lines = LineReader.open(file, StandardCharsets.UTF_8)) {
        for (String line; (line = lines.readLine()) != null; ) {
          if (line.indexOf('\t') >= 0) {
            // A table's other columns would become words of the name, which then matches nothing.
            throw InputFormatException.atLine(file.toString(), lines.lineNumber(),
                "a tab: a list holds one name a line, its words separated by spaces");
          }
          if (line.chars().anyMatch(c -> c < ' ')) {
            // matching finds longer entries by sort order, in which a control character comes before the space
            throw InputFormatException.atLine(file.toString(), lines.lineNumber(), "a control character: a name"
                + " holds printable characters and spaces");
          }
          if (!line.isBlank()) {
            String name = tokenize(line);
            names.add(name);
            anyCapitalised |= Capitalisation.hasCapital(line);
            tooLong += Gazetteer.tokens(name).size() > Gazetteer.MAX_ENTRY_TOKENS ? 1 : 0;
          }
        }
      }
      if (tooLong > 0) {
        // left out by the compilation as documented; said here, where the list can be named
        LOG.info("{}: {} names of more than {} tokens left out", file, tooLong, Gazetteer.MAX_ENTRY_TOKENS);
      }
      if (!anyCapitalised) {
        throw InputFormatException.atByte(file.toString(), 0, "no name with a capital letter: names are kept and"
            + " matched only as capitalised text, so the list would add nothing");
      }
    }
    if (namesByType.isEmpty()) {
      throw new IOException(paths + ": no name list (a file named loc-*, per-*, org-* or misc-*, .txt or .txt.gz)");
    }
    return Gazetteer.fromLists(namesByType);
  }

  /** The files {@code paths} stand for: files as given, directories expanded to their typed lists. */
  public static List<Path> listFiles(List<Path> paths) throws IOException {
    List<Path> files = new ArrayList<>();
    Set<Path> seen = new HashSet<>();
    for (Path path : paths) {
      List<Path> found = new ArrayList<>();
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(Files::isRegularFile).filter(GazetteerFiles::isList).sorted().forEach(found::add);
        }
        if (found.isEmpty()) {
          // a typo in a prefix (LOC-, lco-) or an extension (.TXT) would otherwise leave the lists out unseen
          throw new IOException(path + ": no name list in it (a file named loc-*, per-*, org-* or misc-*, .txt or"
              + " .txt.gz)");
        }
      } else if (Files.isRegularFile(path)) {
        typeOf(path);
        found.add(path);
      } else {
        throw new NoSuchFileException(path + ": no such file or directory");
      }
      for (Path file : found) {
        // given twice (itself and through its directory), a list would be read and recorded twice
        if (seen.add(file.toRealPath())) {
          files.add(file);
        }
      }
    }
    return files;
  }

  /** Whether a directory's file {@code file} is read as a list: {@code loc-}, {@code per-}, ... and .txt(.gz). */
  public static boolean isList(Path file) {
    String name = file.getFileName().toString();
    return (name.endsWith(".txt") || name.endsWith(".txt.gz"))
        && TYPE_BY_PREFIX.keySet().stream().anyMatch(name::startsWith);
  }

  private static String typeOf(Path file) throws IOException {
    String name = file.getFileName().toString();
    for (Map.Entry<String, String> prefix : TYPE_BY_PREFIX.entrySet()) {
      if (name.startsWith(prefix.getKey())) {
        return prefix.getValue();
      }
    }
    throw new IOException(file + ": the name of a list must start with loc-, per-, org- or misc- to give its type");
  }

  static String tokenize(String name) {
    StringBuilder out = new StringBuilder(name.length() + 8);
    for (String word : name.strip().split("\\s+")) {
      int start = 0;
      int end = word.length();
      List<Character> trailing = new ArrayList<>();
      while (start < end && DETACHED.indexOf(word.charAt(start)) >= 0) {
        append(out, String.valueOf(word.charAt(start++)));
      }
      while (end > start && DETACHED.indexOf(word.charAt(end - 1)) >= 0) {
        trailing.add(0, word.charAt(--end));
      }
      if (end > start) {
        append(out, word.substring(start, end));
      }
      for (char c : trailing) {
        append(out, String.valueOf(c));
      }
    }
    return out.toString();
  }

  private static void append(StringBuilder out, String token) {
    if (out.length() > 0) {
      out.append(' ');
    }
    out.append(token);
  }
}
