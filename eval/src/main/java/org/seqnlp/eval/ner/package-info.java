/**
 * Name-finder evaluations: tagging a test set and scoring it with one scorer
 * ({@link org.seqnlp.opennlp.namefind.EntityScores}, which gives OpenNLP's {@code TokenNameFinderEvaluator}
 * figures) at a measured rate ({@code seqnlp eval-ner}), and what sentence detection and tokenisation cost
 * on raw text ({@code seqnlp eval-ner-raw}). The comparison that trains OpenNLP's {@code NameFinderME} and
 * our BiLSTM-CRF in the same run ({@code seqnlp compare-ner}), with a paired bootstrap interval of the F1
 * difference, is in this package too, in the {@code seqnlp-eval-training} jar, since it trains with DL4J.
 */
package org.seqnlp.eval.ner;
