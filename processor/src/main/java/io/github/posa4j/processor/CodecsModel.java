package io.github.posa4j.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.TypeElement;

/**
 * The codecs one generated class needs, held by the generated {@code <Name>Codecs} that
 * {@link CodecsGenerator} writes: one field per type, named for it ({@code STRING},
 * {@code LIST_OF_ENTRY}, {@code MAP_OF_STRING_TO_LONG}), and one nested codec class per record.
 * Every field is nullable. Also the code that reads and writes a value of each type, from the
 * class that uses the codecs: primitives directly on the stream, the rest through their field.
 *
 * <p>A record's codec reads the fields of its components only when it runs, never while the class
 * initialises, so a record can contain itself; every other field is built from the fields of its
 * parts, which {@link #fields()} puts before it.
 */
final class CodecsModel {
  static final String PACKAGE = "io.github.posa4j.codec";
  static final ClassName CODECS = ClassName.get(PACKAGE, "Codecs");

  /** A field of the generated class: its name and the type of the codec it holds. */
  record Field(String name, CodecType type) {}

  private final ClassName codecsClass;
  private final TypeElement origin;
  private final CodeBlock description;
  private final CodecTypes types;
  private final Map<String, Field> fields = new LinkedHashMap<>();
  private final Set<String> fieldNames = new HashSet<>();
  private final Map<TypeElement, String> recordCodecs = new LinkedHashMap<>();
  private final Set<String> nestedNames = new HashSet<>();

  /**
   * Codecs generated from {@code origin} into {@code codecsClass}, described in the first sentence
   * of its Javadoc by {@code description}, such as "Codecs for the commands of {@link Ledger}...".
   */
  CodecsModel(ClassName codecsClass, TypeElement origin, CodeBlock description, CodecTypes types) {
    this.codecsClass = codecsClass;
    this.origin = origin;
    this.description = description;
    this.types = types;
    nestedNames.add(codecsClass.simpleName());
  }

  /** Adds the codec of {@code type}, and those it is built from; a primitive needs none. */
  void add(CodecType type) {
    if (type.kind() == CodecType.Kind.PRIMITIVE || fields.containsKey(type.key())) {
      return;
    }
    if (type.kind() == CodecType.Kind.RECORD) {
      put(type);
      recordCodecs.put(type.element(), GeneratedNames.fresh(type.element().getSimpleName() + "Codec", nestedNames));
      types.components(type.element()).forEach(component -> add(component.type()));
    } else {
      type.arguments().forEach(this::add);
      put(type);
    }
  }

  private void put(CodecType type) {
    String base = fieldName(type);
    String name = base;
    for (int i = 2; fieldNames.contains(name); i++) {
      name = base + "_" + i;
    }
    fieldNames.add(name);
    fields.put(type.key(), new Field(name, type));
  }

  /** {@code LIST_OF_ENTRY} for {@code List<Entry>}, before any suffix that keeps names apart. */
  private static String fieldName(CodecType type) {
    switch (type.kind()) {
      case PRIMITIVE:
      case STANDARD:
        return type.standard();
      case ENUM:
      case RECORD:
        return type.element().getSimpleName().toString().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
      case ARRAY:
        return "ARRAY_OF_" + fieldName(type.arguments().get(0));
      case MAP:
        return "MAP_OF_" + fieldName(type.arguments().get(0)) + "_TO_" + fieldName(type.arguments().get(1));
      default:
        return type.kind().name() + "_OF_" + fieldName(type.arguments().get(0));
    }
  }

  ClassName codecsClass() {
    return codecsClass;
  }

  TypeElement origin() {
    return origin;
  }

  CodeBlock description() {
    return description;
  }

  CodecTypes types() {
    return types;
  }

  /** Whether no type needs a field, so that no class need be generated. */
  boolean isEmpty() {
    return fields.isEmpty();
  }

  /**
   * The fields, in an order they can be initialised in: those of the types in {@code Codecs} and of
   * enums, then those of records, then those built from others, each after its parts.
   */
  List<Field> fields() {
    List<Field> ordered = new ArrayList<>();
    for (int group = 0; group < 3; group++) {
      for (Field field : fields.values()) {
        if (group(field.type()) == group) {
          ordered.add(field);
        }
      }
    }
    return ordered;
  }

  private static int group(CodecType type) {
    switch (type.kind()) {
      case STANDARD:
      case ENUM:
        return 0;
      case RECORD:
        return 1;
      default:
        return 2;
    }
  }

  /** The name of the nested codec class of each record, in the order the records were added. */
  Map<TypeElement, String> recordCodecs() {
    return recordCodecs;
  }

  /**
   * The codec of {@code type}: its field, qualified when {@code fromOutside} the generated class;
   * for a primitive, the non-null codec of its box in {@code Codecs}.
   */
  CodeBlock codec(CodecType type, boolean fromOutside) {
    if (type.kind() == CodecType.Kind.PRIMITIVE) {
      return CodeBlock.of("$T.$L", CODECS, type.standard());
    }
    Field field = fields.get(type.key());
    if (field == null) {
      throw new IllegalStateException(type.typeName() + " was not added");
    }
    return fromOutside ? CodeBlock.of("$T.$N", codecsClass, field.name()) : CodeBlock.of("$N", field.name());
  }

  /** A statement-less expression writing {@code value} of {@code type} to {@code out}. */
  CodeBlock encode(CodecType type, CodeBlock value, String out, boolean fromOutside) {
    if (type.kind() == CodecType.Kind.PRIMITIVE) {
      return CodeBlock.of("$N.write$L($L)", out, primitiveSuffix(type), value);
    }
    return CodeBlock.of("$L.encode($L, $N)", codec(type, fromOutside), value, out);
  }

  /** An expression reading a value of {@code type} from {@code in}. */
  CodeBlock decode(CodecType type, String in, boolean fromOutside) {
    if (type.kind() == CodecType.Kind.PRIMITIVE) {
      return CodeBlock.of("$N.read$L()", in, primitiveSuffix(type));
    }
    return CodeBlock.of("$L.decode($N)", codec(type, fromOutside), in);
  }

  /** {@code Long} for {@code long}: {@code writeLong}, {@code readLong}. */
  private static String primitiveSuffix(CodecType type) {
    String name = type.typeName().toString();
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
