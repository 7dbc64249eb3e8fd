package org.seqnlp.opennlp.namefind.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TokenEncoderTest {

  private final TokenEncoder encoder = RandomNetworks.create(2).encoder();

  @Test
  void normalisationLowerCasesAndFoldsDigits() {
    assertEquals("ab00-0x", TokenEncoder.normalize("Ab19-7X"));
    assertEquals("cat", TokenEncoder.normalize("cat"));
  }

  @Test
  void unknownWordsShareRowZero() {
    assertEquals(0, encoder.words().unknownId());
    assertEquals(0, encoder.wordIndex("zebra"));
    assertEquals(encoder.wordIndex("cat"), encoder.wordIndex("CAT"));
  }

  @Test
  void charWindowPadsShortWordsAndKeepsBothEndsOfLongOnes() {
    int pad = TokenEncoder.CHAR_PADDING;
    int t = encoder.chars().id("t");
    int a = encoder.chars().id("a");
    int c = encoder.chars().id("c");
    int unknown = encoder.chars().unknownId();
    // maxWordChars is 6: one padding position, six characters, one more padding position.
    assertArrayEquals(new int[] {pad, c, a, t, pad, pad, pad, pad}, encoder.charWindow("cat"));
    assertArrayEquals(new int[] {pad, c, a, t, unknown, unknown, t, pad}, encoder.charWindow("catxyzzzzzzzzzzt"));
  }

  @Test
  void featuresAreTheWordEmbeddingFollowedByBoundedCharacterFeatures() {
    float[] features = new float[encoder.outputDimension()];
    encoder.encode("Cat", features, 0);
    float[] lower = new float[encoder.outputDimension()];
    encoder.encode("cat", lower, 0);
    for (int d = 0; d < encoder.wordDimension(); d++) {
      assertEquals(lower[d], features[d], "the word embedding ignores case");
    }
    for (int f = encoder.wordDimension(); f < features.length; f++) {
      assertEquals(true, Math.abs(features[f]) <= 1, "tanh output");
    }
  }
}
