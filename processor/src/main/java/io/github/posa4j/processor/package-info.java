/**
 * posa4j's annotation processor: one {@link javax.annotation.processing.Processor},
 * {@link io.github.posa4j.processor.Posa4jProcessor}, made of one
 * {@link io.github.posa4j.processor.ProcessingStep} per annotation family. Each step validates an
 * element fully, reports every problem on it through {@code Messager} (texts in
 * {@link io.github.posa4j.processor.Messages}), and generates only for valid elements.
 */
package io.github.posa4j.processor;
