package org.seqnlp.eval.ir;

/** One document of a test collection: the id its relevance judgements use, and its indexed text. */
public record CollectionDocument(String id, String text) {}
