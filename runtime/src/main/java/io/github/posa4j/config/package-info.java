/**
 * Configuration of posa4j's policies with the keys of MicroProfile Config:
 * {@code <FQCN>/<method>/<Annotation>/<attribute>}, {@code <FQCN>/<Annotation>/<attribute>} and
 * {@code <Annotation>/<attribute>}, read from system properties, environment variables, the file
 * named by {@code -Dposa4j.config=<path>} and {@code META-INF/posa4j.properties} on the class path,
 * first source first. See {@link io.github.posa4j.config.Config}.
 */
package io.github.posa4j.config;
