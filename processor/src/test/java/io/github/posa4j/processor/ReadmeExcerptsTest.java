package io.github.posa4j.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README shows excerpts of generated code; each must be what the processor generates, as the
 * golden files that {@link GoldenSourcesTest} checks say. An excerpt is introduced by the words
 * "excerpt of `processor/src/test/resources/golden/<File>.java`" and is the next {@code java} code
 * block. Its lines are lines of the golden file, in order (indentation aside): a line {@code ...}
 * stands for any number of lines left out, and a line ending in <code>{ ... }</code> for a block
 * whose body is left out. Lines not separated by {@code ...} follow each other in the golden file,
 * but for the comments between them, which an excerpt may leave out.
 */
class ReadmeExcerptsTest {
  private static final Path README = Path.of("..", "README.md");
  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final Pattern EXCERPT =
      Pattern.compile("excerpt of `processor/src/test/resources/golden/(\\w+\\.java)`(?:(?!```).)*?```java\\n(.*?)```", Pattern.DOTALL);
  private static final String ELIDED_BODY = "{ ... }";

  @Test
  void everyExcerptOfGeneratedCodeIsWhatTheProcessorGenerates() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    List<String> checked = new ArrayList<>();
    Matcher excerpt = EXCERPT.matcher(readme);
    while (excerpt.find()) {
      String file = excerpt.group(1);
      assertIsExcerpt(excerpt.group(2).lines().toList(), Files.readAllLines(GOLDEN.resolve(file)), file);
      checked.add(file);
    }
    assertThat(checked).as("the README's excerpts of generated code")
        .contains("BufferActiveObject.java", "CatalogProxy.java", "OrdersPublisher.java", "ResilientPaymentClient.java");
  }

  @Test
  void anExcerptWithALineTheGoldenFileLacksIsRefused() {
    List<String> golden = List.of("class A {", "  int x() {", "    return 1;", "  }", "  int y;", "}");
    assertIsExcerpt(List.of("class A {", "  int x() { ... }", "  int y;"), golden, "A");
    assertIsExcerpt(List.of("class A {", "  ...", "  int y;"), golden, "A");
    assertThat(mismatch(List.of("class A {", "  int y;"), golden))
        .as("lines not separated by ... must be adjacent").contains("int y;");
    assertThat(mismatch(List.of("class A {", "  int z;"), golden)).contains("int z;");
    assertThat(mismatch(List.of("  int y;", "  ...", "  int x() { ... }"), golden)).contains("int x() {");
    List<String> documented = List.of("class A {", "  /**", "   * Javadoc.", "   */", "  int y;", "  // why", "}");
    assertIsExcerpt(List.of("class A {", "  int y;", "}"), documented, "A");
  }

  private static void assertIsExcerpt(List<String> excerpt, List<String> golden, String file) {
    String mismatch = mismatch(excerpt, golden);
    assertThat(mismatch).as("README excerpt of %s (fix the README, or regenerate the golden file if the generator"
        + " changed on purpose)", file).isNull();
  }

  /** Null when {@code excerpt} is an excerpt of {@code golden}; else the first line that cannot be placed. */
  private static String mismatch(List<String> excerpt, List<String> golden) {
    List<String> lines = excerpt.stream().map(String::strip).filter(line -> !line.isEmpty()).toList();
    int[] deepest = {-1};
    if (matches(lines, 0, golden, comments(golden), 0, false, deepest)) {
      return null;
    }
    return "'" + lines.get(deepest[0]) + "' is not where the excerpt puts it in the golden file";
  }

  /**
   * Whether {@code lines} from {@code index} on can be placed in {@code golden} from line
   * {@code from} on; {@code adjacent} when the line must come next (but for comments). Tries every
   * place a line after {@code ...} could go. Records in {@code deepest} the furthest line that
   * could not be placed.
   */
  private static boolean matches(List<String> lines, int index, List<String> golden, boolean[] comments,
      int from, boolean adjacent, int[] deepest) {
    if (index == lines.size()) {
      return true;
    }
    String line = lines.get(index);
    if (line.equals("...")) {
      return matches(lines, index + 1, golden, comments, from, false, deepest);
    }
    boolean elided = line.endsWith(ELIDED_BODY);
    String wanted = elided ? line.substring(0, line.length() - ELIDED_BODY.length()) + "{" : line;
    for (int i = from; i < golden.size(); i++) {
      String candidate = golden.get(i).strip();
      if (candidate.equals(wanted)
          && matches(lines, index + 1, golden, comments, (elided ? endOfBlock(golden, i) : i) + 1, true, deepest)) {
        return true;
      }
      if (adjacent && !candidate.isEmpty() && !comments[i]) {
        break;
      }
    }
    deepest[0] = Math.max(deepest[0], index);
    return false;
  }

  /** Which lines of {@code golden} are comments: {@code //} lines and the lines of block comments. */
  private static boolean[] comments(List<String> golden) {
    boolean[] comments = new boolean[golden.size()];
    boolean inBlock = false;
    for (int i = 0; i < golden.size(); i++) {
      String line = golden.get(i).strip();
      inBlock |= line.startsWith("/*");
      comments[i] = inBlock || line.startsWith("//");
      inBlock &= !line.contains("*/");
    }
    return comments;
  }

  /** The line that closes the block opened on line {@code start}. */
  private static int endOfBlock(List<String> golden, int start) {
    int depth = 0;
    for (int i = start; i < golden.size(); i++) {
      for (char c : golden.get(i).toCharArray()) {
        depth += c == '{' ? 1 : c == '}' ? -1 : 0;
      }
      if (depth == 0) {
        return i;
      }
    }
    return golden.size() - 1;
  }
}
