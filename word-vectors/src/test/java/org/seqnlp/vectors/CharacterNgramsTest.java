package org.seqnlp.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CharacterNgramsTest {

  @Test
  void theNgramsOfAWordAreFastTextsWithBoundaryMarks() {
    // <wh <whe <wher <where whe wher where where> her here here> ere ere> re>, hashed by a reference
    // implementation of fastText's FNV-1a modulo 1000.
    assertArrayEquals(new int[] {652, 715, 707, 586, 941, 621, 176, 234, 420, 811, 991, 33, 469, 498},
        new CharacterNgrams(3, 6, 1000).bucketsOf("where"));
  }

  @Test
  void theHashIsFnv1aWithFastTextsSignExtendedBytes() {
    assertEquals(0xe40c292c, hash("a"));
    // Standard FNV-1a gives 0x1e9de8c1 for these two bytes; fastText xors each byte sign-extended.
    assertEquals(0x3cfa68c1, hash("é"));
  }

  @Test
  void boundaryMarksAloneAreNoNgramAndCharactersAreNeverSplit() {
    CharacterNgrams unigrams = new CharacterNgrams(1, 1, 1 << 20);
    int[] buckets = unigrams.bucketsOf("éa");
    assertArrayEquals(new int[] {Integer.remainderUnsigned(hash("é"), 1 << 20),
        Integer.remainderUnsigned(hash("a"), 1 << 20)}, buckets);
    assertEquals(0, new CharacterNgrams(3, 6, 10).bucketsOf("").length, "'<>' is shorter than 3");
    assertEquals(1, new CharacterNgrams(3, 3, 10).bucketsOf("\ud83d\ude00").length,
        "an emoji is one character: '<', the emoji and '>' make one trigram");
  }

  @Test
  void aLongWordHasAllItsNgrams() {
    String word = "a".repeat(200);
    // 202 characters with the marks: 200 trigrams and 199 four-grams.
    assertEquals(399, new CharacterNgrams(3, 4, 10).bucketsOf(word).length);
  }

  @Test
  void settingsOutOfRangeAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new CharacterNgrams(0, 6, 10));
    assertThrows(IllegalArgumentException.class, () -> new CharacterNgrams(4, 3, 10));
    assertThrows(IllegalArgumentException.class, () -> new CharacterNgrams(3, CharacterNgrams.MAX_N + 1, 10));
    assertThrows(IllegalArgumentException.class, () -> new CharacterNgrams(3, 6, 0));
    assertThrows(IllegalArgumentException.class, () -> new CharacterNgrams(3, 6, CharacterNgrams.MAX_BUCKETS + 1));
  }

  private static int hash(String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    return CharacterNgrams.hash(bytes, 0, bytes.length);
  }
}
