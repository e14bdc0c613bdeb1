package io.github.loyaltyrules.rules.internal;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one compiled class refers to, read from its class file (JVM specification §4.4): every
 * class it names, every field and method it uses (owner, name, descriptor), and the types in its
 * own fields' and methods' signatures. The rule guard reads these from the classes Drools
 * compiled for a rule file's consequences and functions, so a name written in full, through a
 * function or in a string concatenation of the compiler's making is seen as what it is.
 * Immutable; thread-safe.
 */
record ClassReferences(String name, Set<String> classes, List<Member> members) {

  /** A field or method used: owner class (binary name with dots), name and descriptor. */
  record Member(String owner, String name, String descriptor) {}

  private static final Pattern DESCRIPTOR_TYPE = Pattern.compile("L([^;<]+)[;<]");

  /** Reads {@code bytes}, a class file; fails on anything that is not one. */
  static ClassReferences read(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      if (in.readInt() != 0xCAFEBABE) {
        throw new IllegalArgumentException("not a class file");
      }
      in.readUnsignedShort(); // minor
      in.readUnsignedShort(); // major
      int count = in.readUnsignedShort();
      Object[] pool = new Object[count];
      int[][] refs = new int[count][];
      int[] tags = new int[count];
      for (int i = 1; i < count; i++) {
        int tag = in.readUnsignedByte();
        tags[i] = tag;
        switch (tag) {
          case 1 -> pool[i] = in.readUTF();
          case 3, 4 -> in.readInt();
          case 5, 6 -> {
            in.readLong();
            i++;
          }
          case 7, 8, 16, 19, 20 -> refs[i] = new int[] {in.readUnsignedShort()};
          case 9, 10, 11, 12, 17, 18 ->
              refs[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
          case 15 -> refs[i] = new int[] {in.readUnsignedByte(), in.readUnsignedShort()};
          default -> throw new IllegalArgumentException("unknown constant pool tag " + tag);
        }
      }
      Set<String> classes = new LinkedHashSet<>();
      List<Member> members = new ArrayList<>();
      for (int i = 1; i < count; i++) {
        switch (tags[i]) {
          case 7 -> {
            String n = (String) pool[refs[i][0]];
            if (n.startsWith("[")) {
              descriptorTypes(n, classes);
            } else {
              classes.add(n.replace('/', '.'));
            }
          }
          case 9, 10, 11 -> {
            String owner = (String) pool[refs[refs[i][0]][0]];
            int[] nat = refs[refs[i][1]];
            String desc = (String) pool[nat[1]];
            members.add(new Member(owner.startsWith("[") ? "java.lang.Object"
                : owner.replace('/', '.'), (String) pool[nat[0]], desc));
            descriptorTypes(desc, classes);
          }
          case 16 -> descriptorTypes((String) pool[refs[i][0]], classes);
          case 17, 18 -> descriptorTypes((String) pool[refs[refs[i][1]][1]], classes);
          default -> {
            // names, constants and handles: what they point at is read on its own
          }
        }
      }
      in.readUnsignedShort(); // access
      String self = ((String) pool[refs[in.readUnsignedShort()][0]]).replace('/', '.');
      in.readUnsignedShort(); // super: a Class entry, read above
      int interfaces = in.readUnsignedShort();
      for (int i = 0; i < interfaces; i++) {
        in.readUnsignedShort();
      }
      for (int kind = 0; kind < 2; kind++) { // fields, then methods
        int n = in.readUnsignedShort();
        for (int i = 0; i < n; i++) {
          in.readUnsignedShort();
          in.readUnsignedShort();
          descriptorTypes((String) pool[in.readUnsignedShort()], classes);
          skipAttributes(in);
        }
      }
      classes.remove(self);
      return new ClassReferences(self, Set.copyOf(classes), List.copyOf(members));
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("cannot read a compiled rule class: " + e, e);
    }
  }

  private static void skipAttributes(DataInputStream in) throws IOException {
    int n = in.readUnsignedShort();
    for (int i = 0; i < n; i++) {
      in.readUnsignedShort();
      in.skipNBytes(Integer.toUnsignedLong(in.readInt()));
    }
  }

  private static void descriptorTypes(String descriptor, Set<String> into) {
    Matcher m = DESCRIPTOR_TYPE.matcher(descriptor);
    while (m.find()) {
      into.add(m.group(1).replace('/', '.'));
    }
  }
}
