package org.seqnlp.opennlp.namefind.network;

/**
 * The labels the network chose for one sentence, with the CRF marginal probability of each chosen
 * label.
 */
public record Tagging(int[] labels, double[] probabilities) {
}
