package org.seqnlp.vectors.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DecimalParserTest {

  private static float parse(String text) {
    byte[] bytes = ("  " + text + " ").getBytes(StandardCharsets.UTF_8);
    return DecimalParser.parseFloat(bytes, 2, bytes.length - 1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-0", "0.0", "1", "-1", "+2", ".5", "5.", "0.418", "-0.41242", "0.000001",
      "123456.789", "1e-3", "1E3", "2.5e+10", "-7.25E-8", "3.4028235E38", "3.4028236E38", "1.17549435E-38",
      "1.4E-45", "1e-50", "9007199254740993", "0.1234567890123456789012", "1e22", "1e23", "123e-30",
      "0.30000001192092896", "16777217", "33554435", "NaN", "Infinity", "-Infinity", "0x1p3"})
  void agreesWithFloatParseFloat(String text) {
    assertEquals(Float.floatToIntBits(Float.parseFloat(text)), Float.floatToIntBits(parse(text)), text);
  }

  @Test
  void readsBackEveryFloatItsShortestTextNames() {
    Random random = new Random(3);
    for (int i = 0; i < 200_000; i++) {
      float value = i % 2 == 0 ? Float.intBitsToFloat(random.nextInt()) : (float) random.nextGaussian();
      if (Float.isFinite(value)) {
        assertEquals(Float.floatToIntBits(value), Float.floatToIntBits(parse(Float.toString(value))),
            Float.toString(value));
      }
    }
  }

  @Test
  void readsSixDecimalsAsTheCToolWritesThem() {
    Random random = new Random(4);
    for (int i = 0; i < 100_000; i++) {
      String text = String.format(java.util.Locale.ROOT, "%.6f", random.nextGaussian());
      assertEquals(Float.parseFloat(text), parse(text), text);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-", ".", "abc", "1.2.3", "e5", "1e", "1e+", "--1", "1,5", "0.5x", "1.5f", "2d", "3F",
      "0x1p1d", "1.5\u000b", "\u00002", "Infinityf"})
  void rejectsWhatIsNotANumber(String text) {
    assertThrows(NumberFormatException.class, () -> parse(text));
  }
}
