package io.github.posa4j.processor;

/**
 * Every diagnostic text of the processor, in one place. Each says what is wrong and how to fix it.
 */
final class Messages {
  private Messages() {}

  static String proxyNotOnInterface(String kind) {
    return "@Proxy applies to interfaces only, not to " + kind
        + "; put it on an interface that this type implements, or extract one";
  }

  static String proxyPrivateInterface() {
    return "@Proxy cannot generate a proxy for a private interface: the proxy is a top-level class"
        + " in the same package; make the interface package-private or public";
  }

  static String proxySealedInterface() {
    return "@Proxy cannot implement a sealed interface: the generated proxy is not among its"
        + " permitted subtypes; remove 'sealed' or do not annotate this interface";
  }

  static String generatedNameClash(String generatedName, String annotation) {
    return "@" + annotation + " would generate " + generatedName + ", but a type of that name already"
        + " exists; rename that type or this one";
  }

  static String internalError(String annotation, Throwable error) {
    return "posa4j internal error while processing @" + annotation + " here: " + error
        + "; please report it with this source at https://github.com/posa4j/posa4j/issues";
  }
}
