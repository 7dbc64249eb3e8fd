package org.seqnlp.vectors;

import org.seqnlp.vectors.kernels.Vectorization;

/** {@link NearestNeighboursTest} on the plain-Java kernels, which scan every row. */
class PlainNearestNeighboursTest extends NearestNeighboursTest {

  @Override
  NearestNeighbours search(WordVectors space) {
    return new NearestNeighbours(space, Vectorization.scalar());
  }
}
