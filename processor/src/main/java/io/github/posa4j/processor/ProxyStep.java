package io.github.posa4j.processor;

import io.github.posa4j.annotation.Proxy;
import java.io.IOException;
import java.lang.annotation.Annotation;
import javax.annotation.processing.ProcessingEnvironment;
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
    GeneratedFiles.write(new ProxyGenerator(environment, type).javaFile(), environment.getFiler());
  }

  private void validate(TypeElement type) {
    InterfaceChecks.check(type, "Proxy", "proxy", ProxyGenerator.SUFFIX,
        "put it on an interface that this type implements, or extract one", environment.getElementUtils(), reporter);
  }
}
