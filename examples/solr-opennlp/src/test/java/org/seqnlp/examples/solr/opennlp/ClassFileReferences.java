package org.seqnlp.examples.solr.opennlp;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The classes, methods and fields of other code that compiled classes refer to, read from the constant pools
 * of their class files (JVMS 4.4), and whether a class loader resolves them: what the JVM would look up when
 * the code runs, checked for every instruction, run or not.
 */
final class ClassFileReferences {

  /** A reference: {@code owner} alone for a class, with {@code name} and JVM {@code descriptor} for a member. */
  record Reference(String owner, String name, String descriptor) implements Comparable<Reference> {

    @Override
    public int compareTo(Reference other) {
      return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
      return name == null ? owner : owner + "." + name + descriptor;
    }
  }

  private ClassFileReferences() {
  }

  /** The class names (binary, with dots) of the class files in the directory or jar at {@code location}. */
  static List<String> classNames(URL location) throws IOException {
    List<String> names = new ArrayList<>();
    forEachClassFile(location, (name, in) -> names.add(name));
    return names;
  }

  /** The references to classes whose internal name starts with {@code prefix} (e.g. {@code opennlp/}). */
  static Set<Reference> references(URL location, String prefix) throws IOException {
    Set<Reference> references = new TreeSet<>();
    forEachClassFile(location, (name, in) -> readConstantPool(in, prefix, references));
    return references;
  }

  /** The references among {@code references} that {@code loader} cannot resolve. */
  static List<Reference> unresolved(Set<Reference> references, ClassLoader loader) {
    List<Reference> missing = new ArrayList<>();
    for (Reference reference : references) {
      try {
        Class<?> owner = Class.forName(reference.owner().replace('/', '.'), false, loader);
        if (reference.name() != null && !declares(owner, reference.name(), reference.descriptor())) {
          missing.add(reference);
        }
      } catch (ClassNotFoundException | LinkageError e) {
        missing.add(reference);
      }
    }
    return missing;
  }

  private interface ClassFileVisitor {
    void visit(String className, InputStream in) throws IOException;
  }

  private static void forEachClassFile(URL location, ClassFileVisitor visitor) throws IOException {
    Path path;
    try {
      path = Path.of(location.toURI());
    } catch (URISyntaxException e) {
      throw new IOException(location + ": not a file", e);
    }
    if (Files.isDirectory(path)) {
      visitTree(path, visitor);
    } else {
      try (FileSystem jar = FileSystems.newFileSystem(path)) {
        visitTree(jar.getPath("/"), visitor);
      }
    }
  }

  private static void visitTree(Path root, ClassFileVisitor visitor) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(file -> file.toString().endsWith(".class") && !file.endsWith("module-info.class")
          && !file.getFileName().toString().equals("package-info.class")).sorted().toList();
    }
    for (Path file : files) {
      String relative = root.relativize(file).toString();
      String className = relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
      try (InputStream in = Files.newInputStream(file)) {
        visitor.visit(className, in);
      }
    }
  }

  /** Adds the class, field and method references of one class file whose owner starts with {@code prefix}. */
  private static void readConstantPool(InputStream stream, String prefix, Set<Reference> references)
      throws IOException {
    DataInputStream in = new DataInputStream(stream);
    in.skipNBytes(8); // magic, minor and major version
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    int[] first = new int[count];
    int[] second = new int[count];
    int[] tags = new int[count];
    for (int i = 1; i < count; i++) {
      tags[i] = in.readUnsignedByte();
      switch (tags[i]) {
        case 1 -> utf8[i] = in.readUTF();
        case 3, 4 -> in.skipNBytes(4);
        case 5, 6 -> {
          in.skipNBytes(8);
          i++; // a long or double takes two slots
        }
        case 7, 8, 16, 19, 20 -> first[i] = in.readUnsignedShort();
        case 9, 10, 11, 12, 17, 18 -> {
          first[i] = in.readUnsignedShort();
          second[i] = in.readUnsignedShort();
        }
        case 15 -> {
          in.readUnsignedByte();
          first[i] = in.readUnsignedShort();
        }
        default -> throw new IOException("constant pool entry " + i + " has unknown tag " + tags[i]);
      }
    }
    for (int i = 1; i < count; i++) {
      if (tags[i] == 7) {
        String owner = elementClass(utf8[first[i]]);
        if (owner != null && owner.startsWith(prefix)) {
          references.add(new Reference(owner, null, null));
        }
      } else if (tags[i] == 9 || tags[i] == 10 || tags[i] == 11) {
        String owner = elementClass(utf8[first[first[i]]]);
        int nameAndType = second[i];
        if (owner != null && owner.startsWith(prefix)) {
          references.add(new Reference(owner, utf8[first[nameAndType]], utf8[second[nameAndType]]));
        }
      }
    }
  }

  /** The class of a class constant, which is an array descriptor for array types; null for primitive arrays. */
  private static String elementClass(String name) {
    String element = name.replaceFirst("^\\[+", "");
    if (element.length() == name.length()) {
      return name;
    }
    return element.startsWith("L") ? element.substring(1, element.length() - 1) : null;
  }

  /** Whether {@code owner} or a supertype declares the member, as the JVM's resolution looks for it. */
  private static boolean declares(Class<?> owner, String name, String descriptor) {
    if (owner == null) {
      return false;
    }
    if (name.equals("<init>")) {
      for (Constructor<?> constructor : owner.getDeclaredConstructors()) {
        if (!Modifier.isPrivate(constructor.getModifiers())
            && descriptor(constructor.getParameterTypes(), void.class).equals(descriptor)) {
          return true;
        }
      }
      return false;
    }
    if (descriptor.startsWith("(")) {
      for (Method method : owner.getDeclaredMethods()) {
        if (method.getName().equals(name)
            && descriptor(method.getParameterTypes(), method.getReturnType()).equals(descriptor)) {
          return true;
        }
      }
    } else {
      for (Field field : owner.getDeclaredFields()) {
        if (field.getName().equals(name) && descriptor(field.getType()).equals(descriptor)) {
          return true;
        }
      }
    }
    for (Class<?> type : owner.getInterfaces()) {
      if (declares(type, name, descriptor)) {
        return true;
      }
    }
    return declares(owner.isInterface() ? Object.class : owner.getSuperclass(), name, descriptor);
  }

  private static String descriptor(Class<?>[] parameters, Class<?> result) {
    StringBuilder descriptor = new StringBuilder("(");
    for (Class<?> parameter : parameters) {
      descriptor.append(descriptor(parameter));
    }
    return descriptor.append(')').append(descriptor(result)).toString();
  }

  private static String descriptor(Class<?> type) {
    if (type.isArray()) {
      return type.getName().replace('.', '/');
    }
    if (!type.isPrimitive()) {
      return "L" + type.getName().replace('.', '/') + ";";
    }
    return switch (type.getName()) {
      case "boolean" -> "Z";
      case "byte" -> "B";
      case "char" -> "C";
      case "short" -> "S";
      case "int" -> "I";
      case "long" -> "J";
      case "float" -> "F";
      case "double" -> "D";
      default -> "V";
    };
  }
}
