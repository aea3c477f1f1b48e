package io.github.posa4j.processor;

import com.palantir.javapoet.ClassName;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The checks shared by annotations whose generated class implements the annotated interface
 * ({@code @Proxy}, {@code @Publisher}): an interface, not private, not sealed, and no type already
 * has the generated name.
 */
final class InterfaceChecks {
  private InterfaceChecks() {}

  /**
   * Reports what keeps {@code type} from being implemented by the generated class {@code generated};
   * whether it is an interface at all (further checks make no sense otherwise).
   *
   * @param annotation the annotation's simple name, for messages
   * @param generatedKind what is generated, for messages: "proxy", "publisher"
   * @param notAnInterfaceFix how to fix the annotation put on something else
   */
  static boolean check(TypeElement type, String annotation, String generatedKind, ClassName generated,
      String notAnInterfaceFix, Elements elements, Reporter reporter) {
    if (type.getKind() != ElementKind.INTERFACE) {
      reporter.error(type, Messages.notOnInterface(annotation, Messages.kindOf(type.getKind()), notAnInterfaceFix));
      return false;
    }
    if (type.getModifiers().contains(Modifier.PRIVATE)) {
      reporter.error(type, Messages.privateInterface(annotation, generatedKind));
    }
    for (Element outer = type.getEnclosingElement(); outer instanceof TypeElement; outer = outer.getEnclosingElement()) {
      if (outer.getModifiers().contains(Modifier.PRIVATE)) {
        reporter.error(type, Messages.insidePrivateType(annotation, generatedKind, ((TypeElement) outer).getQualifiedName().toString()));
        break;
      }
    }
    if (type.getModifiers().contains(Modifier.SEALED)) {
      reporter.error(type, Messages.sealedInterface(annotation, generatedKind));
    }
    if (elements.getTypeElement(generated.canonicalName()) != null) {
      reporter.error(type, Messages.generatedNameClash(generated.canonicalName(), annotation));
    }
    return true;
  }
}
