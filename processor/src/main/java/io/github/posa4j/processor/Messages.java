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

  static String resilienceOnFinalClass(String annotation) {
    return "@" + annotation + " needs a subclass to apply it, but this class is final; remove 'final'"
        + " or move the annotation to an interface the class implements";
  }

  static String resilienceOnMethodWith(String annotation, String modifier) {
    return "@" + annotation + " cannot apply to a " + modifier + " method: the generated decorator"
        + " overrides it; remove '" + modifier + "' or the annotation";
  }

  static String resilienceOnInnerClass() {
    return "resilience annotations need a decorator class that can call this class's constructors;"
        + " make this nested class static";
  }

  static String resilienceOnPrivateType() {
    return "resilience annotations cannot apply to a private type: the decorator is a separate class"
        + " in the same package; make the type package-private or public";
  }

  static String resilienceWithoutConstructor() {
    return "resilience annotations need a decorator subclass, but every constructor of this class is"
        + " private; add a constructor that is at least package-private";
  }

  static String invalidAttribute(String annotation, String attribute, Object value, String rule) {
    return "@" + annotation + "(" + attribute + " = " + value + "): " + rule;
  }

  static String fallbackBothOrNeither(boolean both) {
    return both
        ? "@Fallback gives both a handler class (value) and a fallbackMethod; keep one of them"
        : "@Fallback needs either a handler class (value) or a fallbackMethod; give one of them";
  }

  static String fallbackMethodMissing(String name, String signature) {
    return "@Fallback(fallbackMethod = \"" + name + "\"): no method " + signature
        + " in this class; declare it with the same parameter types and a compatible return type";
  }

  static String fallbackMethodWrongReturn(String name, String expected, String actual) {
    return "@Fallback(fallbackMethod = \"" + name + "\") returns " + actual
        + ", which is not assignable to " + expected + "; change its return type";
  }

  static String fallbackMethodPrivate(String name) {
    return "@Fallback(fallbackMethod = \"" + name + "\") is private, so the generated decorator cannot"
        + " call it; make it package-private, protected or public";
  }

  static String asyncReturnType(String type) {
    return "a method under resilience annotations that returns " + type + " must return CompletionStage"
        + " or CompletableFuture, whose semantics posa4j implements; return one of those";
  }

  static String resilienceOnAbstractClass() {
    return "resilience annotations need a concrete class: the generated decorator subclasses it and"
        + " must be instantiable; make the class non-abstract, or annotate an interface instead";
  }
}
