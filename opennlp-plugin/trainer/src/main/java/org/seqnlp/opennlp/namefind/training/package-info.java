/**
 * Training of {@link org.seqnlp.opennlp.namefind.network.BiLstmCrfNetwork} with DL4J: the only package of the name
 * finder that uses ND4J/DL4J. DL4J trains the BiLSTM and emission layer; the embeddings, character
 * CNN and CRF scores are plain arrays back-propagated and updated here. Set {@code OMP_NUM_THREADS=1}
 * on small machines.
 */
package org.seqnlp.opennlp.namefind.training;
