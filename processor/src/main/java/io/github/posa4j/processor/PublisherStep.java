package io.github.posa4j.processor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;

/**
 * {@code @Publisher} on an interface: validates its {@link PublisherModel} and event methods, then
 * writes {@code <Name>Publisher} with {@link PublisherGenerator}.
 */
final class PublisherStep implements ProcessingStep {
  private static final Set<String> RESERVED = Set.of("create", "subscribe", "close");

  private final ProcessingEnvironment environment;
  private final Reporter reporter;

  PublisherStep(ProcessingEnvironment environment, Reporter reporter) {
    this.environment = environment;
    this.reporter = reporter;
  }

  @Override
  public List<String> annotations() {
    return List.of(AnnotationNames.PUBLISHER);
  }

  @Override
  public void process(TypeElement type) {
    PublisherModel model = PublisherModel.of(environment, type);
    int errorsBefore = reporter.errorCount();
    validate(model);
    if (reporter.errorCount() > errorsBefore) {
      return;
    }
    GeneratedFiles.write(new PublisherGenerator(environment, model).javaFile(), environment.getFiler());
  }

  private void validate(PublisherModel model) {
    TypeElement type = model.api();
    if (!InterfaceChecks.check(type, "Publisher", "publisher", model.publisherClass(),
        "declare the events as methods of an interface and annotate that", environment.getElementUtils(), reporter)) {
      return;
    }
    for (ExecutableElement method : model.methods()) {
      if (method.isDefault() && RESERVED.contains(method.getSimpleName().toString())) {
        error(type, method, Messages.defaultMethodNameReserved(method.getSimpleName().toString()));
      }
    }
    if (model.events().isEmpty()) {
      reporter.error(type, Messages.publisherWithoutEvents());
      return;
    }
    Map<String, ExecutableElement> byCapitalisedName = new HashMap<>();
    for (ExecutableElement event : model.events()) {
      String name = event.getSimpleName().toString();
      String listener = PublisherModel.listenerName(event);
      if (event.getReturnType().getKind() != TypeKind.VOID) {
        error(type, event, Messages.eventNotVoid(name, event.getReturnType().toString()));
      }
      if (!event.getTypeParameters().isEmpty()) {
        error(type, event, Messages.eventTypeParameter(name, event.getTypeParameters().get(0).toString(), listener));
      }
      if (RESERVED.contains(name)) {
        error(type, event, Messages.eventNameReserved(name));
      }
      ExecutableElement other = byCapitalisedName.putIfAbsent(PublisherModel.capitalised(event), event);
      if (other != null) {
        error(type, event, Messages.eventNamesClash(name, other.getSimpleName().toString(), listener));
      }
    }
  }

  /** An error on the event method when the interface declares it, else on the interface. */
  private void error(TypeElement type, ExecutableElement event, String message) {
    TypeElement owner = (TypeElement) event.getEnclosingElement();
    if (owner.equals(type)) {
      reporter.error(event, message);
    } else {
      reporter.error(type, Messages.inheritedEvent(owner.getQualifiedName().toString(), message));
    }
  }
}
