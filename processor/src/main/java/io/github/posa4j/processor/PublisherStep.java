package io.github.posa4j.processor;

import io.github.posa4j.annotation.Publisher;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;

/**
 * {@code @Publisher} on an interface: validates it and its event methods, then writes
 * {@code <Name>Publisher} with {@link PublisherGenerator}.
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
  public Set<Class<? extends Annotation>> annotations() {
    return Set.of(Publisher.class);
  }

  @Override
  public void process(TypeElement type) {
    int errorsBefore = reporter.errorCount();
    validate(type);
    if (reporter.errorCount() > errorsBefore) {
      return;
    }
    GeneratedFiles.write(new PublisherGenerator(environment, type).javaFile(), environment.getFiler());
  }

  private void validate(TypeElement type) {
    if (!InterfaceChecks.check(type, "Publisher", "publisher", PublisherGenerator.SUFFIX,
        "declare the events as methods of an interface and annotate that", environment.getElementUtils(), reporter)) {
      return;
    }
    for (ExecutableElement method : InterfaceMethods.forwardable(environment.getElementUtils(), environment.getTypeUtils(), type)) {
      if (method.isDefault() && RESERVED.contains(method.getSimpleName().toString())) {
        error(type, method, Messages.defaultMethodNameReserved(method.getSimpleName().toString()));
      }
    }
    var events = PublisherGenerator.events(environment, type);
    if (events.isEmpty()) {
      reporter.error(type, Messages.publisherWithoutEvents());
      return;
    }
    Map<String, ExecutableElement> byCapitalisedName = new HashMap<>();
    for (ExecutableElement event : events) {
      String name = event.getSimpleName().toString();
      String listener = PublisherGenerator.listenerName(event);
      if (event.getReturnType().getKind() != TypeKind.VOID) {
        error(type, event, Messages.eventNotVoid(name, event.getReturnType().toString()));
      }
      if (!event.getTypeParameters().isEmpty()) {
        error(type, event, Messages.eventTypeParameter(name, event.getTypeParameters().get(0).toString(), listener));
      }
      if (RESERVED.contains(name)) {
        error(type, event, Messages.eventNameReserved(name));
      }
      ExecutableElement other = byCapitalisedName.putIfAbsent(PublisherGenerator.capitalised(event), event);
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
