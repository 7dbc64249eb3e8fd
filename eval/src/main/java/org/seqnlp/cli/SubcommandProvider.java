package org.seqnlp.cli;

import java.util.List;

/**
 * Subcommands that live in a jar of their own and join the tool when that jar is on the classpath,
 * found through {@link java.util.ServiceLoader}: the name-finder training commands of
 * {@code seqnlp-eval-training}, whose DL4J the tagging, scoring and expanding commands must not need.
 */
public interface SubcommandProvider {

  /** New instances of the commands, each a picocli {@code @Command}. */
  List<Object> subcommands();
}
