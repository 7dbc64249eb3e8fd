package org.seqnlp.opennlp.namefind;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import opennlp.tools.util.ext.ExtensionLoader;

/**
 * Adds {@code org.seqnlp.} to OpenNLP's extension allow-list where OpenNLP has one: 2.5.9 and later
 * instantiate only allow-listed classes named in a model's manifest (see the package documentation), while
 * older releases, such as the 1.9.4 that Solr 9 bundles, instantiate any class and have no such method, so a
 * direct call would fail there with {@code NoSuchMethodError}.
 */
final class ExtensionAllowList {

  private static final String PREFIX = "org.seqnlp.";
  /** {@code ExtensionLoader.registerAllowedPackage(String)}, or null on a release without an allow-list. */
  private static final MethodHandle REGISTER = registerMethod();

  private ExtensionAllowList() {
  }

  static void allowSeqNlp() {
    if (REGISTER == null) {
      return;
    }
    try {
      REGISTER.invokeExact(PREFIX);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("ExtensionLoader.registerAllowedPackage failed", e);
    }
  }

  private static MethodHandle registerMethod() {
    try {
      return MethodHandles.publicLookup().findStatic(ExtensionLoader.class, "registerAllowedPackage",
          MethodType.methodType(void.class, String.class));
    } catch (NoSuchMethodException e) {
      return null;
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("ExtensionLoader.registerAllowedPackage is not public", e);
    }
  }
}
