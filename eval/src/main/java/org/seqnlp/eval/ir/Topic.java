package org.seqnlp.eval.ir;

/** One query of a test collection ("topic" in TREC terms): the id its judgements use, and its text. */
public record Topic(String id, String text) {}
