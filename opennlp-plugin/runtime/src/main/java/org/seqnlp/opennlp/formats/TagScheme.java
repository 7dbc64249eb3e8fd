package org.seqnlp.opennlp.formats;

/**
 * How the tags of a CoNLL column file mark entities. Tags are {@code O}, {@code B-type} or
 * {@code I-type}.
 *
 * <p>A chosen scheme ({@link #IOB1}, {@link #IOB2}, {@link #IO}) is also checked: a tag sequence that
 * the scheme forbids is an error naming its line. {@link #AUTO} reads all three without checks. Every
 * scheme decodes entities by the same rule, which is how CoNLL counts them: an entity starts at
 * {@code B-X}, or at {@code I-X} after {@code O}, after another type or at the start of a sentence;
 * {@code I-X} after a token of type X continues it.
 */
public enum TagScheme {

  /**
   * Any of the schemes below, unchecked. This is the default, because real data breaks its own scheme
   * now and then: CoNLL-2002 Spanish has sentences that start with {@code I-X}, CoNLL-2003 has two
   * {@code B-X} after {@code O}; each is read as the start of an entity.
   */
  AUTO,

  /**
   * CoNLL-2003's scheme: {@code I-X} starts an entity; {@code B-X} only starts one that directly
   * follows another entity of type X, and is an error anywhere else.
   */
  IOB1,

  /** BIO: every entity starts with {@code B-X}; {@code I-X} that does not continue type X is an error. */
  IOB2,

  /** Only {@code I-X} and {@code O}: a run of one type is one entity; any {@code B-} tag is an error. */
  IO
}
