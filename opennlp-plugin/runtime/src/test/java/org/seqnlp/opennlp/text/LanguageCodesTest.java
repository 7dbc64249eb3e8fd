package org.seqnlp.opennlp.text;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LanguageCodesTest {

  @Test
  void twoAndThreeLetterCodesOfOneLanguageAreTheSame() {
    assertTrue(LanguageCodes.same("en", "eng"));
    assertTrue(LanguageCodes.same("EN", "en"));
    assertTrue(LanguageCodes.same("nld", "nl"));
    assertTrue(LanguageCodes.same("spa", "es"));
  }

  @Test
  void aTagWithARegionIsItsLanguage() {
    assertTrue(LanguageCodes.same("en-US", "en"));
    assertTrue(LanguageCodes.same("pt-BR", "por"));
    assertTrue(LanguageCodes.same("zh-Hant-TW", "zh"));
    assertFalse(LanguageCodes.same("en-US", "es"));
  }

  @Test
  void differentOrMissingLanguagesAreNot() {
    assertFalse(LanguageCodes.same("en", "es"));
    assertFalse(LanguageCodes.same("eng", "deu"));
    assertFalse(LanguageCodes.same(null, "en"));
  }
}
