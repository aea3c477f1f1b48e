package io.github.posa4j.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.shop.AnnotatedShop;
import com.acme.shop.BrokenShop;
import com.acme.shop.LegacyShop;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The pre-check that keeps Byte Buddy away from classes that cannot match. */
class ConstantPoolTest {

  @Test
  void findsResilienceAnnotationsOnMethodsAndClasses() throws IOException {
    assertThat(ConstantPool.mentionsPosa4jAnnotation(classFile(AnnotatedShop.class))).isTrue();
    assertThat(ConstantPool.mentionsPosa4jAnnotation(classFile(BrokenShop.Counter.class))).isTrue();
  }

  @Test
  void passesOverClassesWithoutThem() throws IOException {
    assertThat(ConstantPool.mentionsPosa4jAnnotation(classFile(LegacyShop.class))).isFalse();
    assertThat(ConstantPool.mentionsPosa4jAnnotation(classFile(String.class))).isFalse();
    // Long and Double constants take two pool entries; the walk must stay aligned after them.
    assertThat(ConstantPool.mentionsPosa4jAnnotation(classFile(Long.class))).isFalse();
    assertThat(ConstantPool.mentionsPosa4jAnnotation(classFile(Math.class))).isFalse();
  }

  @Test
  void leavesMalformedClassFilesToTheParser() {
    assertThat(ConstantPool.mentionsPosa4jAnnotation(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 0, 9, 1}))
        .isTrue();
  }

  static byte[] classFile(Class<?> type) throws IOException {
    String resource = "/" + type.getName().replace('.', '/') + ".class";
    try (InputStream in = type.getResourceAsStream(resource)) {
      return in.readAllBytes();
    }
  }
}
