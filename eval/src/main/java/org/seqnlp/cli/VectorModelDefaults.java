package org.seqnlp.cli;

import java.util.ListResourceBundle;
import org.seqnlp.vectors.train.GloVeSettings;
import org.seqnlp.vectors.train.Word2VecSettings;
import org.seqnlp.vectors.train.Word2VecSettings.Architecture;

/**
 * The defaults of {@code train-vectors} options that differ between its models, from the settings records,
 * as the resource bundle its {@code --help} reads them from ({@code ${bundle:glove.window}}): a picocli
 * default provider gives an option one default, not one a model.
 */
public final class VectorModelDefaults extends ListResourceBundle {

  @Override
  protected Object[][] getContents() {
    Word2VecSettings sg = Word2VecSettings.defaults(Architecture.SKIP_GRAM);
    Word2VecSettings cbow = Word2VecSettings.defaults(Architecture.CBOW);
    GloVeSettings glove = GloVeSettings.DEFAULTS;
    return new Object[][] {
        {"sg.window", Integer.toString(sg.window())},
        {"cbow.window", Integer.toString(cbow.window())},
        {"glove.window", Integer.toString(glove.window())},
        {"sg.epochs", Integer.toString(sg.epochs())},
        {"cbow.epochs", Integer.toString(cbow.epochs())},
        {"glove.epochs", Integer.toString(glove.epochs())},
        {"sg.learning-rate", Double.toString(sg.learningRate())},
        {"cbow.learning-rate", Double.toString(cbow.learningRate())},
        {"glove.learning-rate", Double.toString(glove.learningRate())}};
  }
}
