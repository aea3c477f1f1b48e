package io.github.posa4j.agent;

/**
 * The marker the processor leaves for a class whose resilience annotations a generated decorator
 * applies ({@code META-INF/posa4j/decorated/<binary name>}): the agent leaves those annotations
 * alone and weaves only what keys add, so no policy applies twice.
 */
final class DecoratedMarker {
  static final String PREFIX = "META-INF/posa4j/decorated/";

  private DecoratedMarker() {}

  static boolean present(ClassLoader loader, String className) {
    String resource = PREFIX + className;
    return (loader == null ? ClassLoader.getSystemResource(resource) : loader.getResource(resource)) != null;
  }
}
