package io.github.posa4j.processor;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Which types posa4j can encode, and how: primitives and their boxes, {@code String}, enums,
 * records whose components it can encode, arrays of those (not of generic types), exactly
 * {@code java.util.List}, {@code Set}, {@code Map} and {@code Optional} of those, {@code UUID},
 * {@code BigInteger}, {@code BigDecimal}, {@code Instant}, {@code Duration}, {@code LocalDate},
 * {@code LocalDateTime}. Enums and records must be within reach of the package the codecs are
 * generated in.
 *
 * <p>It also gives each type its <em>signature</em>, the shape of its encoding, which a journal
 * or a remote peer compares: {@code long}, {@code java.lang.String},
 * {@code java.util.List<io.x.Entry(long,java.lang.String)>}. A record is expanded into its
 * component types (where it contains itself, by name only); an enum is its name, so adding
 * constants keeps the signature.
 *
 * <p>Knows nothing of commands or remote calls: it serves whatever generates codecs. One instance
 * serves one generated class, and remembers the records it has seen.
 */
final class CodecTypes {

  /** One component of a record, in declaration order. */
  record Component(String name, CodecType type) {}

  /**
   * Why a type cannot be encoded.
   *
   * @param declared the type that was asked about
   * @param path the record components that lead to {@code type}, outermost first, as
   *     "component 'tags' of record io.x.Entry"
   * @param type the part of {@code declared} that cannot be encoded
   * @param reason why, when it is not simply an unsupported type; otherwise empty
   */
  record Unsupported(String declared, List<String> path, String type, String reason) {}

  /** The codec type of a type that can be encoded, or why it cannot. */
  record Analysis(Optional<CodecType> type, Optional<Unsupported> unsupported) {}

  /** The types with a constant in {@code Codecs}, by canonical name. */
  private static final Map<String, String> STANDARD = Map.ofEntries(
      Map.entry("java.lang.Boolean", "BOOLEAN"),
      Map.entry("java.lang.Byte", "BYTE"),
      Map.entry("java.lang.Short", "SHORT"),
      Map.entry("java.lang.Character", "CHARACTER"),
      Map.entry("java.lang.Integer", "INTEGER"),
      Map.entry("java.lang.Long", "LONG"),
      Map.entry("java.lang.Float", "FLOAT"),
      Map.entry("java.lang.Double", "DOUBLE"),
      Map.entry("java.lang.String", "STRING"),
      Map.entry("java.util.UUID", "UUID"),
      Map.entry("java.math.BigInteger", "BIG_INTEGER"),
      Map.entry("java.math.BigDecimal", "BIG_DECIMAL"),
      Map.entry("java.time.Instant", "INSTANT"),
      Map.entry("java.time.Duration", "DURATION"),
      Map.entry("java.time.LocalDate", "LOCAL_DATE"),
      Map.entry("java.time.LocalDateTime", "LOCAL_DATE_TIME"));

  /** The generic containers, by canonical name, with their number of type arguments. */
  private static final Map<String, CodecType.Kind> CONTAINERS = Map.of(
      "java.util.List", CodecType.Kind.LIST,
      "java.util.Set", CodecType.Kind.SET,
      "java.util.Map", CodecType.Kind.MAP,
      "java.util.Optional", CodecType.Kind.OPTIONAL);

  private final String packageName;
  /** The components of every record analysed so far. */
  private final Map<TypeElement, List<Component>> components = new HashMap<>();
  /** The records whose components are being analysed, to stop where a record contains itself. */
  private final Set<TypeElement> inProgress = new HashSet<>();

  /** Codec types for codecs generated in the package {@code packageName}. */
  CodecTypes(String packageName) {
    this.packageName = packageName;
  }

  /** The codec type of {@code type}, or why posa4j cannot encode it. */
  Analysis analyze(TypeMirror type) {
    List<String> path = new ArrayList<>();
    try {
      return new Analysis(Optional.of(of(type, path)), Optional.empty());
    } catch (NotEncodable e) {
      return new Analysis(Optional.empty(), Optional.of(new Unsupported(type.toString(), e.path, e.type, e.reason)));
    }
  }

  /** The codec type of {@code type}, which {@link #analyze} accepted before. */
  CodecType require(TypeMirror type) {
    return analyze(type).type().orElseThrow(() -> new IllegalStateException(type + " cannot be encoded"));
  }

  /** The components of a record that {@link #analyze} accepted. */
  List<Component> components(TypeElement record) {
    List<Component> found = components.get(record);
    if (found == null) {
      throw new IllegalStateException(record + " was not analysed");
    }
    return found;
  }

  /** The shape of the encoding of {@code type}, see the class comment. */
  String signature(CodecType type) {
    return signature(type, new HashSet<>());
  }

  private String signature(CodecType type, Set<TypeElement> expanding) {
    switch (type.kind()) {
      case RECORD:
        String name = type.element().getQualifiedName().toString();
        if (!expanding.add(type.element())) {
          return name;
        }
        String expanded = components(type.element()).stream()
            .map(component -> signature(component.type(), expanding))
            .collect(Collectors.joining(",", name + "(", ")"));
        expanding.remove(type.element());
        return expanded;
      case ARRAY:
        return signature(type.arguments().get(0), expanding) + "[]";
      case LIST:
      case SET:
      case MAP:
      case OPTIONAL:
        return type.arguments().stream()
            .map(argument -> signature(argument, expanding))
            .collect(Collectors.joining(",", ((ParameterizedTypeName) type.typeName()).rawType().canonicalName() + "<", ">"));
      default:
        return type.typeName().toString();
    }
  }

  private CodecType of(TypeMirror type, List<String> path) throws NotEncodable {
    if (type.getKind().isPrimitive()) {
      TypeName name = primitive(type.getKind());
      return new CodecType(CodecType.Kind.PRIMITIVE, name, STANDARD.get(name.box().toString()), null, List.of());
    }
    switch (type.getKind()) {
      case ARRAY:
        return array((ArrayType) type, path);
      case DECLARED:
        return declared((DeclaredType) type, path);
      case WILDCARD:
        throw new NotEncodable(path, type, Messages.codecWildcard());
      case TYPEVAR:
        throw new NotEncodable(path, type, Messages.codecTypeVariable());
      default:
        throw new NotEncodable(path, type, "");
    }
  }

  private CodecType array(ArrayType type, List<String> path) throws NotEncodable {
    TypeMirror component = type.getComponentType();
    if (component.getKind().isPrimitive()) {
      String standard = component.getKind().name() + "_ARRAY";
      return new CodecType(CodecType.Kind.STANDARD, ArrayTypeName.of(primitive(component.getKind())), standard, null,
          List.of());
    }
    if (component.getKind() == TypeKind.TYPEVAR
        || component.getKind() == TypeKind.DECLARED && !((DeclaredType) component).getTypeArguments().isEmpty()) {
      throw new NotEncodable(path, type, Messages.codecGenericArray());
    }
    CodecType element = of(component, path);
    return new CodecType(CodecType.Kind.ARRAY, ArrayTypeName.of(element.typeName()), null, null, List.of(element));
  }

  private CodecType declared(DeclaredType type, List<String> path) throws NotEncodable {
    TypeElement element = (TypeElement) type.asElement();
    String name = element.getQualifiedName().toString();
    ClassName className = ClassName.get(element);
    if (STANDARD.containsKey(name)) {
      return new CodecType(CodecType.Kind.STANDARD, className, STANDARD.get(name), null, List.of());
    }
    CodecType.Kind container = CONTAINERS.get(name);
    if (container != null) {
      if (type.getTypeArguments().isEmpty()) {
        throw new NotEncodable(path, type, Messages.codecRawType());
      }
      List<CodecType> arguments = new ArrayList<>();
      for (TypeMirror argument : type.getTypeArguments()) {
        arguments.add(of(argument, path));
      }
      TypeName parameterized = ParameterizedTypeName.get(className,
          arguments.stream().map(CodecType::typeName).toArray(TypeName[]::new));
      return new CodecType(container, parameterized, null, null, List.copyOf(arguments));
    }
    if (element.getKind() == ElementKind.ENUM) {
      checkReachable(element, type, path);
      return new CodecType(CodecType.Kind.ENUM, className, null, element, List.of());
    }
    if (element.getKind() == ElementKind.RECORD) {
      checkReachable(element, type, path);
      if (!element.getTypeParameters().isEmpty()) {
        throw new NotEncodable(path, type, Messages.codecGenericRecord());
      }
      record(element, path);
      return new CodecType(CodecType.Kind.RECORD, className, null, element, List.of());
    }
    throw new NotEncodable(path, type, "");
  }

  /** The primitive type of {@code kind}, with none of the annotations its use may carry. */
  private static TypeName primitive(TypeKind kind) {
    switch (kind) {
      case BOOLEAN:
        return TypeName.BOOLEAN;
      case BYTE:
        return TypeName.BYTE;
      case SHORT:
        return TypeName.SHORT;
      case CHAR:
        return TypeName.CHAR;
      case INT:
        return TypeName.INT;
      case LONG:
        return TypeName.LONG;
      case FLOAT:
        return TypeName.FLOAT;
      case DOUBLE:
        return TypeName.DOUBLE;
      default:
        throw new IllegalArgumentException(kind + " is not primitive");
    }
  }

  /** Analyses the components of {@code record}, once; a record inside itself is left to the outer analysis. */
  private void record(TypeElement record, List<String> path) throws NotEncodable {
    if (components.containsKey(record) || !inProgress.add(record)) {
      return;
    }
    try {
      Map<String, CodecType> found = new LinkedHashMap<>();
      for (RecordComponentElement component : record.getRecordComponents()) {
        path.add(Messages.codecComponentStep(component.getSimpleName().toString(), record.getQualifiedName().toString()));
        found.put(component.getSimpleName().toString(), of(component.asType(), path));
        path.remove(path.size() - 1);
      }
      List<Component> list = new ArrayList<>();
      found.forEach((name, type) -> list.add(new Component(name, type)));
      components.put(record, List.copyOf(list));
    } finally {
      inProgress.remove(record);
    }
  }

  /** Refuses an enum or record that the generated codecs, in {@link #packageName}, cannot name. */
  private void checkReachable(TypeElement element, TypeMirror type, List<String> path) throws NotEncodable {
    boolean samePackage = GeneratedNames.packageOf(element).getQualifiedName().contentEquals(packageName);
    for (Element enclosing = element; enclosing instanceof TypeElement; enclosing = enclosing.getEnclosingElement()) {
      Set<Modifier> modifiers = enclosing.getModifiers();
      if (modifiers.contains(Modifier.PRIVATE)) {
        throw new NotEncodable(path, type, Messages.codecPrivateType(element.getKind() == ElementKind.ENUM));
      }
      if (!samePackage && !modifiers.contains(Modifier.PUBLIC)) {
        throw new NotEncodable(path, type, Messages.codecNotPublicType(element.getKind() == ElementKind.ENUM, packageName));
      }
    }
  }

  /** The part of a type that cannot be encoded, thrown up to {@link #analyze}. */
  private static final class NotEncodable extends Exception {
    private static final long serialVersionUID = 1L;

    final List<String> path;
    final String type;
    final String reason;

    NotEncodable(List<String> path, TypeMirror type, String reason) {
      super(null, null, false, false);
      this.path = List.copyOf(path);
      this.type = type.toString();
      this.reason = reason;
    }
  }
}
