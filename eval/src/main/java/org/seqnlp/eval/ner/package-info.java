/**
 * The name-finder comparison behind {@code seqnlp compare-ner}: OpenNLP's {@code NameFinderME} with its
 * command-line defaults against our BiLSTM-CRF, trained on the same data in the same run, scored by one
 * scorer ({@link org.seqnlp.opennlp.namefind.EntityScores}, which gives OpenNLP's
 * {@code TokenNameFinderEvaluator} figures), with a paired bootstrap interval of the F1 difference and
 * tagging rates measured on the same machine in the same run, so the figures can be set side by side.
 */
package org.seqnlp.eval.ner;
