package org.seqnlp.vectors.kernels;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;

/**
 * Chooses the {@link VectorKernels} once per JVM: the SIMD kernels when the JVM was started with
 * {@code --add-modules jdk.incubator.vector} (the {@code seqnlp} launcher does; library users add it to
 * their JVM options) and its vectors are at least 256 bits wide, the plain-Java kernels otherwise, with
 * one warning naming the option. The SIMD class is loaded by name so that nothing else depends on the
 * incubator module.
 */
public final class Vectorization {

  static final String VECTOR_MODULE = "jdk.incubator.vector";
  private static final String SIMD_CLASS = "org.seqnlp.vectors.kernels.PanamaKernels";
  private static final VectorKernels SCALAR = new ScalarKernels();

  private Vectorization() {}

  /** The kernels every caller uses: SIMD when available. */
  public static VectorKernels kernels() {
    return Holder.CHOSEN;
  }

  /** The plain-Java kernels, for comparisons against today's SIMD-free path. */
  public static VectorKernels scalar() {
    return SCALAR;
  }

  /** The SIMD kernels, or empty when the JVM cannot run them (see the class comment). */
  public static Optional<VectorKernels> simd() {
    return Holder.SIMD;
  }

  /** One line for logs and benchmark reports: which kernels run and, if not SIMD, why. */
  public static String describe() {
    return Holder.SIMD.map(VectorKernels::toString).orElse(SCALAR + " (" + Holder.WHY_NOT + ")");
  }

  /** The SIMD kernels, or the reason they cannot run, as one line. */
  private static Object loadSimd() {
    if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
      return VECTOR_MODULE + " is not enabled; start Java with --add-modules " + VECTOR_MODULE
          + " for SIMD word-vector training and neighbour search";
    }
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      Class<?> type = lookup.findClass(SIMD_CLASS);
      return lookup.findConstructor(type, MethodType.methodType(void.class)).invoke();
    } catch (UnsupportedOperationException e) {
      return e.getMessage();
    } catch (ReflectiveOperationException e) {
      throw new LinkageError(SIMD_CLASS + " is missing from the seqnlp-word-vectors jar", e);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new AssertionError(e);
    }
  }

  /** Loaded on first use, so that merely loading the outer class does not touch the module system. */
  private static final class Holder {
    private static final Object LOADED = loadSimd();
    static final Optional<VectorKernels> SIMD = LOADED instanceof VectorKernels kernels ? Optional.of(kernels)
        : Optional.empty();
    static final String WHY_NOT = LOADED instanceof String reason ? reason : "";
    static final VectorKernels CHOSEN = SIMD.orElseGet(() -> {
      System.getLogger(Vectorization.class.getName()).log(System.Logger.Level.WARNING,
          "SeqNLP uses " + SCALAR + ": " + WHY_NOT);
      return SCALAR;
    });
  }
}
