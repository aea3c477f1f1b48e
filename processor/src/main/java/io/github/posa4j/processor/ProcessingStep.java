package io.github.posa4j.processor;

import java.lang.annotation.Annotation;
import javax.lang.model.element.TypeElement;

/** What the processor does for one annotation family: validate an annotated type, then generate. */
interface ProcessingStep {

  /** The annotation this step handles. */
  Class<? extends Annotation> annotation();

  /**
   * Validates {@code type} and, when it is valid, generates its source. Problems are reported
   * through the {@link Reporter}; nothing is thrown for bad input.
   */
  void process(TypeElement type);
}
