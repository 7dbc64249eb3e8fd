package org.seqnlp.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerModel;
import org.seqnlp.io.LineReader;
import org.seqnlp.opennlp.namefind.DocumentNameFinder;
import org.seqnlp.opennlp.namefind.TextLayout;
import org.seqnlp.opennlp.text.LanguageCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code seqnlp ner}: finds the names in plain text with a name-finder model and prints them. */
@Command(name = "ner", mixinStandardHelpOptions = true,
    description = {"Finds names in UTF-8 text (files, or stdin) with an OpenNLP name-finder model, ours or any"
        + " other. By default the text is plain documents: a blank line or the end of a file ends a document;"
        + " OpenNLP's sentence detector splits it into sentences and its tokenizer into tokens (English models"
        + " by default); sentences may run across lines, as in wrapped text. --paragraphs: one paragraph a line,"
        + " sentences never cross a line end. --sentences: one sentence a line, tokenised but not split."
        + " --tokenized: one sentence a line, tokens separated by whitespace. The name finder's adaptive data is"
        + " cleared between documents. A sentence of more than " + DocumentNameFinder.MAX_PIECE_TOKENS + " tokens"
        + " (text without sentence ends) is tagged in pieces of that many, so a name across a cut comes out as"
        + " two; eval-ner tags whole sentences.",
        "Output formats: markup (OpenNLP's <START:type> ... <END>, one sentence a line, a blank line between"
            + " documents), conll (token and IOB2 tag a line, a blank line after each sentence), json (one"
            + " object a line per sentence: input, document, sentence, start, end, text, tokens with start and"
            + " end, names with type, tokenStart, tokenEnd, start, end, text and probability; offsets count"
            + " UTF-16 code units (Java's and JavaScript's characters) from the start of the input, a line end as"
            + " one)."})
final class NerCommand implements Callable<Integer> {

  /** Documents are held whole for sentence detection; beyond this, a missing blank line is the likely cause. */
  static final int MAX_DOCUMENT_CHARS = 1 << 24;

  private static final String STDIN = "stdin";

  @Option(names = "--model", required = true, paramLabel = "FILE", description = "The TokenNameFinderModel zip.")
  Path model;

  @Parameters(paramLabel = "FILE", arity = "0..*", description = "UTF-8 text files, or gzipped (default: stdin).")
  List<Path> inputs;

  @Option(names = "--paragraphs", description = "One paragraph a line: sentences are detected within each line"
      + " and never cross a line end (for text with headlines, datelines or table rows on lines of their own).")
  boolean paragraphs;

  @Option(names = "--sentences", description = "One sentence a line: tokenise each line, do not split it.")
  boolean sentences;

  @Option(names = "--tokenized", description = "One sentence a line, its tokens separated by whitespace.")
  boolean tokenized;

  @CommandLine.Mixin
  TextModelOptions textModels;

  @CommandLine.Mixin
  DocumentContextOptions documentContext;

  @Option(names = "--passes", defaultValue = "1", paramLabel = "N",
      description = "Tag each document N times in a row and print the last pass: with document context, the"
          + " second pass sees the names of the whole document. In the line modes a document (up to a blank line)"
          + " is then read whole before it is tagged (default: ${DEFAULT-VALUE}).")
  int passes;

  @Option(names = "--output-format", defaultValue = "markup", paramLabel = "FORMAT",
      description = "markup, conll or json (default: ${DEFAULT-VALUE}).")
  String outputFormat;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    NerOutput.Format format = parseFormat();
    checkModes();
    OptionRange.require(spec, "--passes", passes, 1, EvalNerCommand.MAX_PASSES);
    documentContext.validate(spec);
    for (Path input : inputs == null ? List.<Path>of() : inputs) {
      InputPaths.requireFile(input, "file to tag");
    }
    TokenNameFinderModel nameModel = documentContext.apply(spec, NerFiles.loadModel(model));
    DocumentNameFinder finder = newFinder(nameModel);
    PrintWriter out = spec.commandLine().getOut();
    NerOutput output = new NerOutput(format, out);
    if (inputs == null || inputs.isEmpty()) {
      try (LineReader reader = LineReader.of(STDIN, unclosable(System.in), StandardCharsets.UTF_8)) {
        tag(reader, finder, output);
      }
    } else {
      for (Path input : inputs) {
        try (LineReader reader = LineReader.open(input, StandardCharsets.UTF_8)) {
          tag(reader, finder, output);
        }
      }
    }
    out.flush();
    return 0;
  }

  private NerOutput.Format parseFormat() {
    try {
      return NerOutput.Format.valueOf(outputFormat.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--output-format must be markup, conll or json, not " + outputFormat);
    }
  }

  private void checkModes() {
    if ((paragraphs ? 1 : 0) + (sentences ? 1 : 0) + (tokenized ? 1 : 0) > 1) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "give one of --paragraphs, --sentences and --tokenized");
    }
    if ((sentences || tokenized) && textModels.sentenceModel != null) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--sentence-model is not used with " + (sentences ? "--sentences" : "--tokenized"));
    }
    if (tokenized && textModels.tokenizerModel != null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--tokenizer-model is not used with --tokenized");
    }
  }

  private DocumentNameFinder newFinder(TokenNameFinderModel nameModel) throws IOException {
    TextLayout layout = tokenized ? TextLayout.TOKENIZED : sentences ? TextLayout.SENTENCES
        : paragraphs ? TextLayout.PARAGRAPHS : TextLayout.DOCUMENTS;
    TokenizerModel tokenizerModel = layout.needsTokenizerModel() ? textModels.loadTokenizerModel() : null;
    SentenceModel sentenceModel = layout.needsSentenceModel() ? textModels.loadSentenceModel() : null;
    if (sentenceModel == null) {
      if (tokenizerModel != null) {
        warnIfOtherLanguage(nameModel, tokenizerModel.getLanguage(), "tokenizer model", "--tokenizer-model");
      }
    } else if (LanguageCodes.same(sentenceModel.getLanguage(), tokenizerModel.getLanguage())) {
      warnIfOtherLanguage(nameModel, tokenizerModel.getLanguage(), "sentence and tokenizer models",
          "--sentence-model and --tokenizer-model");
    } else {
      warnIfOtherLanguage(nameModel, tokenizerModel.getLanguage(), "tokenizer model", "--tokenizer-model");
      warnIfOtherLanguage(nameModel, sentenceModel.getLanguage(), "sentence model", "--sentence-model");
    }
    // In the line modes the newline detector splits only documents read whole for --passes.
    return new DocumentNameFinder(layout.sentenceDetector(sentenceModel), layout.tokenizer(tokenizerModel),
        new NameFinderME(nameModel), passes);
  }

  private void warnIfOtherLanguage(TokenNameFinderModel nameModel, String language, String models, String options) {
    if (!LanguageCodes.same(nameModel.getLanguage(), language)) {
      spec.commandLine().getErr().printf("%s: warning: the name finder is for '%s' text, the %s for '%s' (give"
          + " %s for '%s')%n", spec.qualifiedName(), nameModel.getLanguage(), models, language, options,
          nameModel.getLanguage());
    }
  }

  /**
   * Tags one input; its end ends a document. The line modes print each sentence as soon as it is read, unless
   * a document must be read whole for a second pass: the newline sentence detector of these modes then splits
   * it into the same lines.
   */
  private void tag(LineReader reader, DocumentNameFinder finder, NerOutput output) throws IOException {
    if ((sentences || tokenized) && passes == 1) {
      tagSentences(reader, finder, output);
    } else {
      // a document of lines is read whole only for the passes after the first
      tagDocuments(reader, finder, output, sentences || tokenized ? "or give --passes 1" : "or give --sentences");
    }
  }

  /** @param remedy what else a user can do about a document too long to hold, besides ending it sooner */
  private static void tagDocuments(LineReader reader, DocumentNameFinder finder, NerOutput output, String remedy)
      throws IOException {
    StringBuilder document = new StringBuilder();
    long documentStart = 0;
    long offset = 0;
    String line;
    while ((line = reader.readLine()) != null) {
      if (line.isBlank()) {
        tagDocument(reader.source(), document, documentStart, finder, output);
      } else {
        if (document.isEmpty()) {
          documentStart = offset;
        } else {
          document.append('\n');
        }
        if (document.length() + line.length() > MAX_DOCUMENT_CHARS) {
          throw reader.error(String.format(Locale.ROOT, "document longer than %,d characters (end documents"
              + " with a blank line, %s)", MAX_DOCUMENT_CHARS, remedy));
        }
        document.append(line);
      }
      offset += line.length() + 1;
    }
    tagDocument(reader.source(), document, documentStart, finder, output);
  }

  private static void tagDocument(String source, StringBuilder document, long documentStart,
      DocumentNameFinder finder, NerOutput output) throws IOException {
    if (document.isEmpty()) {
      return;
    }
    output.startDocument(source);
    for (DocumentNameFinder.Sentence sentence : finder.findInDocument(document.toString())) {
      output.sentence(sentence, documentStart);
    }
    document.setLength(0);
  }

  private static void tagSentences(LineReader reader, DocumentNameFinder finder, NerOutput output)
      throws IOException {
    boolean inDocument = false;
    long offset = 0;
    String line;
    while ((line = reader.readLine()) != null) {
      if (line.isBlank()) {
        finder.clearAdaptiveData();
        inDocument = false;
      } else {
        if (!inDocument) {
          output.startDocument(reader.source());
          inDocument = true;
        }
        output.sentence(finder.findInSentence(line), offset);
      }
      offset += line.length() + 1;
    }
    finder.clearAdaptiveData();
  }

  /** Standard input is read, never closed: a caller in the same JVM may still want it. */
  private static InputStream unclosable(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public void close() {
      }
    };
  }
}
