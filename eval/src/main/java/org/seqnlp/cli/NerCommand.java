package org.seqnlp.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.util.Span;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code seqnlp ner}: tags sentences with a name-finder model and prints the entities. */
@Command(name = "ner", mixinStandardHelpOptions = true,
    description = {"Tags one sentence a line (from --input or stdin) with an OpenNLP name-finder model, ours or"
        + " any other, and prints the entities. A blank line ends a document (adaptive features are reset).",
        "Output formats: markup (OpenNLP's <START:type> ... <END>), conll (token and IOB2 tag a line, blank line"
            + " between sentences), json (one object a line: tokens and entities with start, end, type, text,"
            + " probability)."})
final class NerCommand implements Callable<Integer> {

  enum OutputFormat {
    MARKUP, CONLL, JSON
  }

  @Option(names = "--model", required = true, paramLabel = "FILE", description = "The TokenNameFinderModel zip.")
  Path model;

  @Option(names = "--input", paramLabel = "FILE", description = "UTF-8 input, one sentence a line (default: stdin).")
  Path input;

  @Option(names = "--tokenized", description = "Input tokens are separated by whitespace (default: plain text,"
      + " split with OpenNLP's SimpleTokenizer).")
  boolean tokenized;

  @Option(names = "--output-format", defaultValue = "markup", paramLabel = "FORMAT",
      description = "markup, conll or json (default: ${DEFAULT-VALUE}).")
  String outputFormat;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    OutputFormat format;
    try {
      format = OutputFormat.valueOf(outputFormat.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--output-format must be markup, conll or json, not " + outputFormat);
    }
    NameFinderME finder = new NameFinderME(NerFiles.loadModel(model));
    PrintWriter out = spec.commandLine().getOut();
    try (BufferedReader reader = input == null
        ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
        : Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank()) {
          finder.clearAdaptiveData();
          if (format == OutputFormat.MARKUP) {
            out.println();
          }
          continue;
        }
        String[] tokens = tokenized ? line.trim().split("\\s+") : SimpleTokenizer.INSTANCE.tokenize(line);
        Span[] names = finder.find(tokens);
        out.println(switch (format) {
          case MARKUP -> new NameSample(tokens, names, false).toString();
          case CONLL -> conll(tokens, names);
          case JSON -> json(tokens, names);
        });
      }
    }
    out.flush();
    return 0;
  }

  static String conll(String[] tokens, Span[] names) {
    String[] tags = new String[tokens.length];
    java.util.Arrays.fill(tags, "O");
    for (Span name : names) {
      for (int i = name.getStart(); i < name.getEnd(); i++) {
        tags[i] = (i == name.getStart() ? "B-" : "I-") + name.getType();
      }
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < tokens.length; i++) {
      text.append(tokens[i]).append('\t').append(tags[i]).append('\n');
    }
    return text.toString();
  }

  static String json(String[] tokens, Span[] names) {
    List<String> quotedTokens = new ArrayList<>();
    for (String token : tokens) {
      quotedTokens.add(quote(token));
    }
    List<String> entities = new ArrayList<>();
    for (Span name : names) {
      String text = String.join(" ", java.util.Arrays.copyOfRange(tokens, name.getStart(), name.getEnd()));
      entities.add(String.format(Locale.ROOT, "{\"start\":%d,\"end\":%d,\"type\":%s,\"text\":%s,\"probability\":%.4f}",
          name.getStart(), name.getEnd(), quote(name.getType()), quote(text), name.getProb()));
    }
    return "{\"tokens\":[" + String.join(",", quotedTokens) + "],\"entities\":[" + String.join(",", entities) + "]}";
  }

  private static String quote(String s) {
    StringBuilder quoted = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        default -> {
          if (c < 0x20) {
            quoted.append(String.format("\\u%04x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }
}
