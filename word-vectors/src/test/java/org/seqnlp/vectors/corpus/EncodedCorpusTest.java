package org.seqnlp.vectors.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqnlp.vocabulary.Vocabulary;
import org.junit.jupiter.api.io.TempDir;
import org.seqnlp.progress.Progress;

class EncodedCorpusTest {

  private static final int END = EncodedCorpus.SENTENCE_END;

  @TempDir
  Path directory;

  private EncodedCorpus encode(String text, int minCount, int maxVocabulary) throws IOException {
    Path file = Files.writeString(directory.resolve("corpus.txt"), text);
    return EncodedCorpus.encode(Corpus.of(List.of(file), Tokenizer.lowercasing()), minCount, maxVocabulary,
        Progress.silent("test", 0, "words"));
  }

  @Test
  void vocabularyIsSortedByCountThenFirstAppearance() throws IOException {
    EncodedCorpus corpus = encode("b a c\na c\nc d\n", 1, 0);
    assertEquals(List.of("c", "a", "b", "d"), corpus.words());
    assertEquals(3, corpus.vocabulary().count(0));
    assertEquals(List.of("c", "a", "b", "d", "<unk>"), corpus.vocabulary().tokens());
    assertArrayEquals(new long[] {3, 2, 1, 1}, corpus.wordCounts());
    assertArrayEquals(new int[] {2, 1, 0, END, 1, 0, END, 0, 3, END}, corpus.tokens());
    assertEquals(7, corpus.wordCount());
  }

  @Test
  void encodesAnySentenceSourceAndCountsItsWordsAsProgress() throws IOException {
    SentenceSource source = handler -> {
      handler.accept(List.of("b", "a"));
      handler.accept(List.of("a"));
    };
    Progress progress = Progress.silent("test", 0, "words");
    EncodedCorpus corpus = EncodedCorpus.encode(source, 1, 0, progress);
    assertEquals(List.of("a", "b"), corpus.words());
    assertArrayEquals(new int[] {1, 0, END, 0, END}, corpus.tokens());
    assertEquals(3, progress.done());
  }

  @Test
  void aCorpusHoldingTheUnknownTokenKeepsItAsAWord() {
    EncodedCorpus corpus = new EncodedCorpus(Vocabulary.byFrequency(List.of("<unk>", "a"), new long[] {2, 1}),
        new int[] {0, 1, 0, END});
    assertEquals(List.of("<unk>", "a"), corpus.words());
    assertEquals(List.of("<unk>", "a"), corpus.vocabulary().tokens());
  }

  @Test
  void rareWordsAreDroppedAndSentencesLeftEmptyVanish() throws IOException {
    EncodedCorpus corpus = encode("x y x\nrare\ny x unique\n", 2, 0);
    assertEquals(List.of("x", "y"), corpus.words());
    assertArrayEquals(new int[] {0, 1, 0, END, 1, 0, END}, corpus.tokens());
  }

  @Test
  void maximumVocabularyKeepsTheMostFrequentWords() throws IOException {
    EncodedCorpus corpus = encode("a a a b b c\nc b a\n", 1, 2);
    assertEquals(List.of("a", "b"), corpus.words());
    assertFalse(corpus.vocabulary().contains("c"));
    assertEquals(corpus.vocabulary().unknownId(), corpus.vocabulary().id("c"));
    assertArrayEquals(new int[] {0, 0, 0, 1, 1, END, 1, 0, END}, corpus.tokens());
  }

  @Test
  void rejectsBadLimitsAndInconsistentEncodings() {
    assertThrows(IllegalArgumentException.class, () -> encode("a\n", 0, 0));
    assertThrows(IllegalArgumentException.class, () -> encode("a\n", 1, -1));
    Vocabulary vocabulary = Vocabulary.byFrequency(List.of("a"), new long[] {1});
    assertThrows(IllegalArgumentException.class, () -> new EncodedCorpus(vocabulary, new int[] {0, 1, END}));
    assertThrows(IllegalArgumentException.class, () -> new EncodedCorpus(vocabulary, new int[] {0}));
    assertThrows(IllegalArgumentException.class,
        () -> Vocabulary.byFrequency(List.of("a", "b"), new long[] {1, 2}));
  }
}
