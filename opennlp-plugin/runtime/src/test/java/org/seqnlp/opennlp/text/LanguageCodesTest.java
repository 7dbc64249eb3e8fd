package org.seqnlp.opennlp.text;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LanguageCodesTest {

  @Test
  void twoAndThreeLetterCodesAndTagsWithARegionOfOneLanguageAreTheSame() {
    String[][] same = {{"en", "eng"}, {"EN", "en"}, {"nld", "nl"}, {"spa", "es"}, {"en-US", "en"}, {"pt-BR", "por"},
        {"zh-Hant-TW", "zh"}};
    for (String[] pair : same) {
      assertTrue(LanguageCodes.same(pair[0], pair[1]), pair[0] + " " + pair[1]);
    }
  }

  @Test
  void differentOrMissingLanguagesAreNot() {
    assertFalse(LanguageCodes.same("en-US", "es"));
    assertFalse(LanguageCodes.same("en", "es"));
    assertFalse(LanguageCodes.same("eng", "deu"));
    assertFalse(LanguageCodes.same(null, "en"));
  }
}
