package io.github.posa4j.processor;

import com.palantir.javapoet.TypeName;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * A type that posa4j can encode, as {@link CodecTypes} found it: what kind of codec it takes and
 * the codec types of its parts. A record is a leaf here; its components are in
 * {@link CodecTypes#components}, which lets a record contain itself.
 *
 * @param kind what kind of codec the type takes
 * @param typeName the type as generated code names it, without type annotations
 * @param standard for {@link Kind#PRIMITIVE} and {@link Kind#STANDARD}, the constant of
 *     {@code io.github.posa4j.codec.Codecs} (for a primitive, the one of its box); otherwise {@code null}
 * @param element for {@link Kind#ENUM} and {@link Kind#RECORD}, the enum or record; otherwise {@code null}
 * @param arguments the element type of an array, list, set or optional, the key and value types of a map
 */
record CodecType(Kind kind, TypeName typeName, String standard, TypeElement element, List<CodecType> arguments) {

  /** The kinds of codec, each built its own way. */
  enum Kind {
    /** A primitive, written with {@code writeX} and read with {@code readX}, never null. */
    PRIMITIVE,
    /** A type with a constant in {@code Codecs}: a box, String, UUID, the number and time types, primitive arrays. */
    STANDARD,
    ENUM,
    RECORD,
    /** An array of references: {@code Codecs.array}. */
    ARRAY,
    LIST,
    SET,
    MAP,
    OPTIONAL
  }

  /** Whether values of this type may be null, and so are written through {@code Codecs.nullable}. */
  boolean isReference() {
    return kind != Kind.PRIMITIVE;
  }

  /** What identifies the type: two codec types with the same key share one codec. */
  String key() {
    return typeName.toString();
  }
}
