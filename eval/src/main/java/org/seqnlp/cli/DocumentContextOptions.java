package org.seqnlp.cli;

import opennlp.tools.namefind.TokenNameFinderModel;
import org.seqnlp.opennlp.namefind.DocumentContext;
import org.seqnlp.opennlp.namefind.DocumentContextFactory;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The {@code --document-context} and {@code --document-threshold} options: label-consistent decoding within
 * documents for a BiLSTM-CRF name finder ({@link DocumentContext}), set when a model is written or overridden
 * when it is used.
 */
final class DocumentContextOptions {

  @Option(names = "--document-context", paramLabel = "WEIGHT",
      description = "Within a document, add WEIGHT to the scores of the entity type that earlier sentences gave a"
          + " capitalised token, when tagging it again (0: off; 4 was chosen on CoNLL-2003 dev data). Default:"
          + " the model's own setting.")
  Double weight;

  @Option(names = "--document-threshold", paramLabel = "P",
      description = "Remember only labels with a marginal probability of at least P (default: the model's, or 0.9).")
  Double threshold;

  /** Whether either option was given. */
  boolean given() {
    return weight != null || threshold != null;
  }

  /** Checks the values given, before any work. */
  void validate(CommandLine.Model.CommandSpec spec) {
    if (weight != null) {
      OptionRange.requireNonNegative(spec, "--document-context", weight, DocumentContext.MAX_WEIGHT);
    }
    if (threshold != null) {
      OptionRange.requireNonNegative(spec, "--document-threshold", threshold, 1);
    }
  }

  /**
   * {@code model} with the context these options set on top of its own ({@link DocumentContext#DEFAULT}'s
   * threshold for a model without one); {@code model} itself when neither option was given.
   */
  TokenNameFinderModel apply(CommandLine.Model.CommandSpec spec, TokenNameFinderModel model) {
    if (!given()) {
      return model;
    }
    validate(spec);
    DocumentContext own = contextOf(model);
    DocumentContext context = new DocumentContext(weight != null ? weight : own.weight(),
        threshold != null ? threshold : own.threshold());
    try {
      return DocumentContextFactory.withDocumentContext(model, context);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--document-context: " + e.getMessage());
    }
  }

  /** The document context {@code model} tags with, for reports: {@code off}, or its weight and threshold. */
  static String describe(TokenNameFinderModel model) {
    DocumentContext context = contextOf(model);
    return context.isOn() ? "weight " + context.weight() + ", threshold " + context.threshold() : "off";
  }

  private static DocumentContext contextOf(TokenNameFinderModel model) {
    return model.getFactory() instanceof DocumentContextFactory factory ? factory.documentContext()
        : DocumentContext.OFF;
  }
}
