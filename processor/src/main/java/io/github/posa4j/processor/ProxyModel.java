package io.github.posa4j.processor;

import com.palantir.javapoet.ClassName;
import java.util.List;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * A {@code @Proxy} interface as {@link ProxyStep} validates it and {@link ProxyGenerator}
 * implements it.
 *
 * @param api the annotated interface
 * @param proxyClass the generated {@code <Name>Proxy}
 * @param methods the methods the proxy forwards: abstract and default, inherited ones included
 */
record ProxyModel(TypeElement api, ClassName proxyClass, List<ExecutableElement> methods) {
  static final String SUFFIX = "Proxy";

  static ProxyModel of(ProcessingEnvironment environment, TypeElement api) {
    return new ProxyModel(api, GeneratedNames.beside(api, "", SUFFIX),
        InterfaceMethods.forwardable(environment.getElementUtils(), environment.getTypeUtils(), api));
  }
}
