package io.github.posa4j.examples.architecture;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The classes one class file refers to, read from its constant pool: every class entry, and every
 * type named in a descriptor or a generic signature (of fields, methods, annotations, local
 * variables). String constants are left out, so a class name in a message is no dependency. Only
 * the constant pool and the name of the class are read.
 *
 * @param className the class the file defines, as an internal name ({@code a/b/C$D})
 * @param referenced the internal names of the classes it refers to, itself included
 */
record ClassFileReferences(String className, Set<String> referenced) {
  private static final Pattern TYPE_IN_DESCRIPTOR = Pattern.compile("L([\\w$]+(?:/[\\w$]+)*)[;<]");

  /** Reads {@code classFile}. */
  static ClassFileReferences read(byte[] classFile) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
    if (in.readInt() != 0xCAFEBABE) {
      throw new IOException("not a class file");
    }
    in.readUnsignedShort(); // minor version
    in.readUnsignedShort(); // major version
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    int[] classNameIndex = new int[count];
    boolean[] stringConstant = new boolean[count];
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF(); // modified UTF-8 after a u2 length: what DataInput reads
        case 7 -> classNameIndex[i] = in.readUnsignedShort();
        case 8 -> stringConstant[in.readUnsignedShort()] = true;
        case 16, 19, 20 -> in.readUnsignedShort(); // MethodType (its descriptor is a Utf8 entry too), Module, Package
        case 15 -> in.skipNBytes(3); // MethodHandle
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4); // Integer, Float, member refs, NameAndType, (Invoke)Dynamic
        case 5, 6 -> { // Long and Double take two entries
          in.skipNBytes(8);
          i++;
        }
        default -> throw new IOException("unknown constant pool tag " + tag + " at entry " + i);
      }
    }
    in.readUnsignedShort(); // access flags
    String className = utf8[classNameIndex[in.readUnsignedShort()]];

    Set<String> referenced = new HashSet<>();
    for (int i = 1; i < count; i++) {
      if (classNameIndex[i] != 0) {
        String name = utf8[classNameIndex[i]];
        if (name.startsWith("[")) {
          addTypesIn(name, referenced);
        } else {
          referenced.add(name);
        }
      } else if (utf8[i] != null && !stringConstant[i]) {
        addTypesIn(utf8[i], referenced);
      }
    }
    return new ClassFileReferences(className, Set.copyOf(referenced));
  }

  private static void addTypesIn(String descriptor, Set<String> into) {
    Matcher matcher = TYPE_IN_DESCRIPTOR.matcher(descriptor);
    while (matcher.find()) {
      into.add(matcher.group(1));
    }
  }
}
