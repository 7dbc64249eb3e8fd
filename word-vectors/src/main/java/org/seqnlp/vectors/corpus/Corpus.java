package org.seqnlp.vectors.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.seqnlp.io.LineReader;

/**
 * A training corpus: UTF-8 text files, plain or gzip-compressed (recognised by their first bytes),
 * holding one sentence or paragraph a line, read in a fixed order and split into words by a
 * {@link Tokenizer}. Invalid UTF-8 fails with an {@link org.seqnlp.io.InputFormatException} naming the
 * file and line, damaged gzip data with one naming the file and the offset in it. Each line is one sentence
 * for the trainers (a context window never crosses a line end). The article markup of WikiExtractor output ({@code <doc id=...>} and
 * {@code </doc>} lines) is skipped, so Wikipedia dumps can be read as they come without their URLs and ids
 * becoming words.
 */
public final class Corpus implements SentenceSource {

  private final List<Path> files;
  private final Tokenizer tokenizer;

  private Corpus(List<Path> files, Tokenizer tokenizer) {
    this.files = List.copyOf(files);
    this.tokenizer = tokenizer;
  }

  /**
   * A corpus of the given files and directories. A directory stands for the files below it whose
   * names end in {@code .txt} or {@code .gz} (so README and PROVENANCE files next to the data are
   * left out), in path order; files given by name are read whatever they are called.
   *
   * @throws NoSuchFileException when a path does not exist
   * @throws IllegalArgumentException when no file is found
   */
  public static Corpus of(List<Path> filesOrDirectories, Tokenizer tokenizer) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path path : filesOrDirectories) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> tree = Files.walk(path)) {
          files.addAll(tree.filter(Files::isRegularFile).filter(Corpus::isCorpusFileName).sorted()
              .collect(Collectors.toList()));
        }
      } else if (Files.isRegularFile(path)) {
        files.add(path);
      } else if (Files.exists(path)) {
        throw new FileSystemException(path.toString(), null, "is not a regular file (a pipe?); a corpus is read"
            + " once per epoch");
      } else {
        throw new NoSuchFileException(path.toString(), null, "no such corpus file or directory");
      }
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no corpus files (*.txt, *.gz) in " + filesOrDirectories);
    }
    return new Corpus(files, tokenizer);
  }

  private static boolean isArticleMarkup(String line) {
    return line.startsWith("<doc ") && line.endsWith(">") || line.equals("</doc>");
  }

  /** Whether a file of that name inside a corpus directory is read as part of the corpus. */
  public static boolean isCorpusFileName(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".txt") || name.endsWith(".gz");
  }

  public List<Path> files() {
    return files;
  }

  /** Calls {@code handler} with the words of every line that has any, file after file. */
  @Override
  public void forEachSentence(SentenceHandler handler) throws IOException {
    for (Path file : files) {
      try (LineReader reader = LineReader.open(file, StandardCharsets.UTF_8, LineReader.MAX_CORPUS_LINE_BYTES)) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          if (isArticleMarkup(line)) {
            continue;
          }
          List<String> words = tokenizer.tokenize(line);
          if (!words.isEmpty()) {
            handler.accept(words);
          }
        }
      }
    }
  }
}
