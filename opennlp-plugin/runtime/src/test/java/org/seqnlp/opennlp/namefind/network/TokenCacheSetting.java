package org.seqnlp.opennlp.namefind.network;

/** Runs test code with {@link BiLstmCrfNetwork#TOKEN_CACHE_PROPERTY} set, then puts back what it was. */
public final class TokenCacheSetting {

  private TokenCacheSetting() {
  }

  /** @param value the property's value, or null to clear it */
  public static void with(String value, Runnable code) {
    String before = System.getProperty(BiLstmCrfNetwork.TOKEN_CACHE_PROPERTY);
    set(value);
    try {
      code.run();
    } finally {
      set(before);
    }
  }

  private static void set(String value) {
    if (value == null) {
      System.clearProperty(BiLstmCrfNetwork.TOKEN_CACHE_PROPERTY);
    } else {
      System.setProperty(BiLstmCrfNetwork.TOKEN_CACHE_PROPERTY, value);
    }
  }
}
