package org.seqnlp.eval.ner;

/**
 * A paired bootstrap estimate of system F1 minus baseline F1 (as fractions, not percent).
 *
 * @param observed the difference on the data as it is
 * @param lower lower end of the 95% percentile interval
 * @param upper upper end of the 95% percentile interval
 * @param shareAtMostZero share of resamples where the system was not better: a one-sided p-value-like
 *     figure for "the system is better"
 * @param resamples how many resamples were drawn
 */
public record F1Difference(double observed, double lower, double upper, double shareAtMostZero, int resamples) {
}
