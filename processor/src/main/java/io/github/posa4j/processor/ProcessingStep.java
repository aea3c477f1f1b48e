package io.github.posa4j.processor;

import java.util.List;
import javax.lang.model.element.TypeElement;

/** What the processor does for one annotation family: validate an annotated type, then generate. */
interface ProcessingStep {

  /**
   * The canonical names of the annotations this step handles, on types or on their methods. The
   * first of them that finds a type is the one an internal error on that type names.
   */
  List<String> annotations();

  /**
   * Validates {@code type} and, when it is valid, generates its source. Problems are reported
   * through the {@link Reporter}; nothing is thrown for bad input. Every type {@code type} refers
   * to resolves by the time this is called.
   */
  void process(TypeElement type);
}
