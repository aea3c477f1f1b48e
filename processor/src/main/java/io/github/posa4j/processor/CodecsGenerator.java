package io.github.posa4j.processor;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Writes {@code <Name>Codecs} for a {@link CodecsModel}: a package-private holder of one
 * {@code static final} nullable codec per type, composed from {@code Codecs}, and one nested
 * codec class per record, which writes the components in declaration order (primitives straight
 * to the stream) and reads them back through the canonical constructor.
 */
final class CodecsGenerator {
  private static final ClassName CODEC = ClassName.get(CodecsModel.PACKAGE, "Codec");
  private static final ClassName CODEC_INPUT = ClassName.get(CodecsModel.PACKAGE, "CodecInput");
  private static final ClassName CODEC_OUTPUT = ClassName.get(CodecsModel.PACKAGE, "CodecOutput");
  private static final ClassName CODECS = CodecsModel.CODECS;

  private final Elements elements;
  private final CodecsModel model;

  CodecsGenerator(Elements elements, CodecsModel model) {
    this.elements = elements;
    this.model = model;
  }

  JavaFile javaFile() {
    TypeSpec.Builder codecs = GeneratedFiles.classGeneratedFrom(model.origin(), model.codecsClass(), elements)
        .addJavadoc(javadoc())
        .addModifiers(Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    for (CodecsModel.Field field : model.fields()) {
      codecs.addField(FieldSpec.builder(codecOf(field.type().typeName()), field.name(), Modifier.STATIC, Modifier.FINAL)
          .initializer("$T.nullable($Z$L)", CODECS, initializer(field.type()))
          .build());
    }
    model.recordCodecs().forEach((record, name) -> codecs.addType(recordCodec(record, name)));
    return GeneratedFiles.javaFile(model.codecsClass(), codecs.build());
  }

  private CodeBlock javadoc() {
    return CodeBlock.builder()
        .add("$L\n\n", model.description())
        .add("<p>Each codec writes {@code null} as well as values. A record is written component by component\n")
        .add("in declaration order, and read back through its canonical constructor; nothing is read by\n")
        .add("reflection, and no class name is ever read from the bytes.\n")
        .build();
  }

  private static TypeName codecOf(TypeName type) {
    return ParameterizedTypeName.get(CODEC, type.box());
  }

  /** The codec of {@code type} before {@code Codecs.nullable} wraps it. */
  private CodeBlock initializer(CodecType type) {
    switch (type.kind()) {
      case STANDARD:
        return CodeBlock.of("$T.$L", CODECS, type.standard());
      case ENUM:
        return CodeBlock.of("$T.enumeration($T.class, $T.values())", CODECS, type.typeName(), type.typeName());
      case RECORD:
        return CodeBlock.of("new $N()", model.recordCodecs().get(type.element()));
      case ARRAY:
        CodecType element = type.arguments().get(0);
        return CodeBlock.of("$T.array($L, $T::new)", CODECS, model.codec(element, false), ArrayTypeName.of(element.typeName()));
      case MAP:
        return CodeBlock.of("$T.map($L, $L)", CODECS,
            model.codec(type.arguments().get(0), false), model.codec(type.arguments().get(1), false));
      case LIST:
        return CodeBlock.of("$T.list($L)", CODECS, model.codec(type.arguments().get(0), false));
      case SET:
        return CodeBlock.of("$T.set($L)", CODECS, model.codec(type.arguments().get(0), false));
      case OPTIONAL:
        return CodeBlock.of("$T.optional($L)", CODECS, model.codec(type.arguments().get(0), false));
      default:
        throw new IllegalArgumentException("no field for " + type);
    }
  }

  private TypeSpec recordCodec(TypeElement record, String name) {
    ClassName recordName = ClassName.get(record);
    List<CodecTypes.Component> components = model.types().components(record);
    Set<String> taken = new HashSet<>();
    components.forEach(component -> taken.add(component.name()));
    String value = "value";
    String out = "out";
    String in = GeneratedNames.fresh("in", taken);

    MethodSpec.Builder encode = MethodSpec.methodBuilder("encode")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(recordName, value)
        .addParameter(CODEC_OUTPUT, out);
    MethodSpec.Builder decode = MethodSpec.methodBuilder("decode")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(recordName)
        .addParameter(CODEC_INPUT, in);
    List<String> locals = new ArrayList<>();
    for (CodecTypes.Component component : components) {
      CodeBlock accessor = CodeBlock.of("$N.$N()", value, component.name());
      encode.addStatement("$L", model.encode(component.type(), accessor, out, false));
      decode.addStatement("$T $N = $L", component.type().typeName(), component.name(),
          model.decode(component.type(), in, false));
      locals.add(component.name());
    }
    decode.addStatement("return new $T($L)", recordName, String.join(", ", locals));
    return TypeSpec.classBuilder(name)
        .addJavadoc("Writes the components of {@link $T}\nin declaration order, and reads them back through its canonical"
            + " constructor.\n", recordName)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addSuperinterface(ParameterizedTypeName.get(CODEC, recordName))
        .addMethod(encode.build())
        .addMethod(decode.build())
        .build();
  }
}
