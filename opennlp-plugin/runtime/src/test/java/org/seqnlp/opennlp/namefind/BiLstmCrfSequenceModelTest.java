package org.seqnlp.opennlp.namefind;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import opennlp.tools.util.Sequence;
import org.junit.jupiter.api.Test;
import org.seqnlp.opennlp.namefind.network.BiLstmCrfNetwork;
import org.seqnlp.opennlp.namefind.network.RandomNetworks;

class BiLstmCrfSequenceModelTest {

  private final BiLstmCrfSequenceModel model = new BiLstmCrfSequenceModel(RandomNetworks.create(3));

  @Test
  void aSentenceLongerThanTheNetworkTakesIsTaggedInPieces() {
    String[] words = {"The", "cat", "sat", "on", "the", "Mat", "Tess"};
    String[] tokens = new String[BiLstmCrfNetwork.MAX_SENTENCE_TOKENS + 3];
    for (int i = 0; i < tokens.length; i++) {
      tokens[i] = words[i % words.length];
    }
    int cut = BiLstmCrfNetwork.MAX_SENTENCE_TOKENS;
    List<String> expected = new ArrayList<>(model.tag(Arrays.copyOf(tokens, cut)).getOutcomes());
    expected.addAll(model.tag(Arrays.copyOfRange(tokens, cut, tokens.length)).getOutcomes());
    Sequence whole = model.tag(tokens);
    assertEquals(expected, whole.getOutcomes());
    assertEquals(tokens.length, whole.getProbs().length);
    DocumentMemory memory = new DocumentMemory(DocumentContext.DEFAULT, model.getOutcomes());
    assertEquals(expected, model.tag(tokens, memory).getOutcomes(), "an empty memory changes nothing");
  }
}
