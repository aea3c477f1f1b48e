package io.github.posa4j.processor;

import io.github.posa4j.annotation.Proxy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * {@code @Proxy} on an interface: validates it, then writes {@code <Name>Proxy} with
 * {@link ProxyGenerator}.
 */
final class ProxyStep implements ProcessingStep {
  private final ProcessingEnvironment environment;
  private final Reporter reporter;

  ProxyStep(ProcessingEnvironment environment, Reporter reporter) {
    this.environment = environment;
    this.reporter = reporter;
  }

  @Override
  public java.util.Set<Class<? extends Annotation>> annotations() {
    return java.util.Set.of(Proxy.class);
  }

  @Override
  public void process(TypeElement type) {
    int errorsBefore = reporter.errorCount();
    validate(type);
    if (reporter.errorCount() > errorsBefore) {
      return;
    }
    try {
      new ProxyGenerator(environment, type).javaFile().writeTo(environment.getFiler());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void validate(TypeElement type) {
    if (type.getKind() != ElementKind.INTERFACE) {
      reporter.error(type, Messages.proxyNotOnInterface(Messages.kindOf(type.getKind())));
      return;
    }
    if (type.getModifiers().contains(Modifier.PRIVATE)) {
      reporter.error(type, Messages.proxyPrivateInterface());
    }
    if (type.getModifiers().contains(Modifier.SEALED)) {
      reporter.error(type, Messages.proxySealedInterface());
    }
    String generated = GeneratedNames.packageOf(type).getQualifiedName() + "."
        + GeneratedNames.flatName(type) + ProxyGenerator.SUFFIX;
    if (environment.getElementUtils().getTypeElement(generated) != null) {
      reporter.error(type, Messages.generatedNameClash(generated, "Proxy"));
    }
  }
}
