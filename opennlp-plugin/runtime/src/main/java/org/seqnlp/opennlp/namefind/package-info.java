/**
 * A BiLSTM-CRF name finder that plugs into Apache OpenNLP's {@code NameFinderME} without changes to
 * the user's pipeline.
 *
 * <h2>How OpenNLP finds these classes</h2>
 * <ul>
 *   <li>Training: the {@code Algorithm} training parameter names {@link
 *       org.seqnlp.opennlp.namefind.training.BiLstmCrfSequenceTrainer}. {@code TrainerFactory} instantiates it
 *       through {@code opennlp.tools.util.ext.ExtensionLoader}, sees a {@code SequenceTrainer}, and
 *       {@code NameFinderME.train} stores the returned {@link
 *       org.seqnlp.opennlp.namefind.BiLstmCrfSequenceModel} under {@code nameFinder.model} in an
 *       ordinary {@code TokenNameFinderModel} zip.</li>
 *   <li>Storing: the model is a {@code SerializableArtifact}; OpenNLP writes it with {@link
 *       org.seqnlp.opennlp.namefind.BiLstmCrfModelSerializer} and records that class in the manifest
 *       ({@code serializer-class-nameFinder.model}). Loading reads the manifest and instantiates the
 *       serializer by name, again through {@code ExtensionLoader}.</li>
 *   <li>Allow-list (OPENNLP-1820, OpenNLP 2.5.9 and later): {@code ExtensionLoader} instantiates only
 *       classes whose name starts with an allowed prefix. The only built-in prefix is {@code opennlp.};
 *       others come from the system property {@code OPENNLP_EXT_ALLOWED_PACKAGES} (comma-separated
 *       prefixes, read once when {@code ExtensionLoader} is initialised) or from {@code
 *       ExtensionLoader.registerAllowedPackage(prefix)}. OpenNLP has no service-loader hook that a jar
 *       could use to register itself, so the user adds one line: {@code
 *       -DOPENNLP_EXT_ALLOWED_PACKAGES=org.seqnlp} on the JVM command line (for the {@code opennlp}
 *       script, which passes no JVM options, {@code export
 *       JAVA_TOOL_OPTIONS=-DOPENNLP_EXT_ALLOWED_PACKAGES=org.seqnlp}), or, in code, {@code
 *       ExtensionLoader.registerAllowedPackage("org.seqnlp")} before loading a model.</li>
 *   <li>Document context: a model with {@link org.seqnlp.opennlp.namefind.DocumentContext} names {@link
 *       org.seqnlp.opennlp.namefind.DocumentContextFactory} as its {@code factory} in the manifest, which
 *       OpenNLP instantiates the same way; the factory gives each {@code NameFinderME} its own {@link
 *       org.seqnlp.opennlp.namefind.DocumentMemory} as adaptive data.</li>
 *   <li>Untrusted files: {@link org.seqnlp.opennlp.namefind.NameFinderModels#load} checks a model zip
 *       (entry sizes, manifest size) before OpenNLP parses it, and registers the prefix itself.</li>
 * </ul>
 *
 * <h2>Run time</h2>
 * Tagging uses {@link org.seqnlp.opennlp.namefind.network.BiLstmCrfNetwork}, plain Java over the trained weights: no
 * ND4J or DL4J class is loaded, so the runtime needs only this jar, the word-vectors jar and
 * OpenNLP. One loaded {@code TokenNameFinderModel} serves any number of threads, each with its own
 * {@code NameFinderME} (which, as always in OpenNLP, is not thread-safe itself);
 * {@link org.seqnlp.opennlp.namefind.BiLstmCrfSequenceModel#tagAll} tags a batch of sentences on
 * several threads.
 */
package org.seqnlp.opennlp.namefind;
