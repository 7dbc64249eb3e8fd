package org.seqnlp.opennlp.lm.training;

/** A trained weight tensor: its name in the model file, its shape, its values (updated in place). */
record Parameter(String name, int[] shape, float[] values, int index) {}
