package io.github.posa4j.processor;

import java.util.List;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.TypeElement;

/**
 * {@code @Proxy} on an interface: validates its {@link ProxyModel}, then writes
 * {@code <Name>Proxy} with {@link ProxyGenerator}.
 */
final class ProxyStep implements ProcessingStep {
  private final ProcessingEnvironment environment;
  private final Reporter reporter;

  ProxyStep(ProcessingEnvironment environment, Reporter reporter) {
    this.environment = environment;
    this.reporter = reporter;
  }

  @Override
  public List<String> annotations() {
    return List.of(AnnotationNames.PROXY);
  }

  @Override
  public void process(TypeElement type) {
    ProxyModel model = ProxyModel.of(environment, type);
    int errorsBefore = reporter.errorCount();
    InterfaceChecks.check(type, "Proxy", "proxy", model.proxyClass(),
        "put it on an interface that this type implements, or extract one", environment.getElementUtils(), reporter);
    if (reporter.errorCount() > errorsBefore) {
      return;
    }
    GeneratedFiles.write(new ProxyGenerator(environment, model).javaFile(), environment.getFiler());
  }
}
