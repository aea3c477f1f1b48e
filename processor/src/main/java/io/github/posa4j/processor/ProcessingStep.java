package io.github.posa4j.processor;

import java.lang.annotation.Annotation;
import javax.lang.model.element.TypeElement;

/** What the processor does for one annotation family: validate an annotated type, then generate. */
interface ProcessingStep {

  /** The annotations this step handles, on types or on their methods. */
  java.util.Set<Class<? extends Annotation>> annotations();

  /**
   * Validates {@code type} and, when it is valid, generates its source. Problems are reported
   * through the {@link Reporter}; nothing is thrown for bad input.
   */
  void process(TypeElement type);
}
