package io.github.posa4j.command.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.posa4j.command.CommandOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Undo, redo and macros: their semantics in memory, and with a journal across a restart. */
class UndoRedoMacroTest {
  @TempDir
  Path directory;

  private static List<Long> log(CommandRunner<Tally> tally) {
    return tally.submit(new Tally.Log()).join();
  }

  @Test
  void undoRevertsTheNewestStepAndRedoRunsItAgain() {
    CommandRunner<Tally> tally = Tally.open(CommandOptions.defaults());
    tally.submit(new Tally.Add(1));
    tally.submit(new Tally.Add(2));
    assertThat(tally.undo().join()).isTrue();
    assertThat(log(tally)).containsExactly(1L);
    assertThat(tally.redo().join()).isTrue();
    assertThat(log(tally)).containsExactly(1L, 2L);
    assertThat(tally.redo().join()).isFalse();
    tally.close();
  }

  @Test
  void aNewCommandForgetsWhatCouldBeRedone() {
    CommandRunner<Tally> tally = Tally.open(CommandOptions.defaults());
    tally.submit(new Tally.Add(1));
    tally.undo();
    tally.submit(new Tally.Add(5));
    assertThat(tally.redo().join()).isFalse();
    assertThat(log(tally)).containsExactly(5L);
    tally.close();
  }

  @Test
  void aCommandWithoutUndoForgetsTheHistory() {
    CommandRunner<Tally> tally = Tally.open(CommandOptions.defaults());
    tally.submit(new Tally.Add(1));
    tally.submit(new Tally.Clear());
    assertThat(tally.undo().join()).isFalse();
    tally.close();
  }

  @Test
  void historyKeepsTheNewestSteps() {
    CommandRunner<Tally> tally = Tally.open(CommandOptions.builder().history(3).build());
    for (long i = 1; i <= 5; i++) {
      tally.submit(new Tally.Add(i));
    }
    for (int i = 0; i < 3; i++) {
      assertThat(tally.undo().join()).isTrue();
    }
    assertThat(tally.undo().join()).isFalse();
    assertThat(log(tally)).containsExactly(1L, 2L);
    tally.close();
  }

  @Test
  void aMacroIsOneUndoStep() {
    CommandRunner<Tally> tally = Tally.open(CommandOptions.defaults());
    tally.submit(new Tally.Add(1));
    Tally.Batch batch = new Tally.Batch();
    batch.add(2);
    batch.add(3);
    batch.add(4);
    tally.macro(batch).join();
    assertThat(log(tally)).containsExactly(1L, 2L, 3L, 4L);
    assertThat(tally.undo().join()).isTrue();
    assertThat(log(tally)).containsExactly(1L);
    assertThat(tally.redo().join()).isTrue();
    assertThat(log(tally)).containsExactly(1L, 2L, 3L, 4L);
    tally.close();
  }

  @Test
  void aMacroWhoseThirdCommandThrowsUndoesTheFirstTwo() {
    CommandRunner<Tally> tally = Tally.open(CommandOptions.builder().journal(directory).build());
    tally.submit(new Tally.Add(1));
    Tally.Batch batch = new Tally.Batch();
    batch.add(2);
    batch.add(3);
    batch.add(-4);
    batch.add(5);
    CompletableFuture<Void> macro = tally.macro(batch);
    assertThatThrownBy(macro::join).isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative amount -4");
    assertThat(log(tally)).containsExactly(1L);
    assertThat(tally.undo().join()).isTrue(); // the add(1), not the failed macro
    assertThat(log(tally)).isEmpty();
    tally.close();

    CommandRunner<Tally> reopened = Tally.open(CommandOptions.builder().journal(directory).build());
    assertThat(log(reopened)).isEmpty();
    assertThat(reopened.redo().join()).isTrue();
    assertThat(log(reopened)).containsExactly(1L);
    reopened.close();
  }

  @Test
  void aMacroHoldingACommandWithoutUndoIsRefusedBeforeItRuns() {
    CommandRunner<Tally> tally = Tally.open(CommandOptions.defaults());
    tally.submit(new Tally.Add(1));
    Tally.Batch batch = new Tally.Batch();
    batch.add(2);
    batch.clear();
    assertThatThrownBy(() -> tally.macro(batch).join()).hasCauseInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("its command 2 of 2, clear, has no @Undo");
    assertThat(log(tally)).containsExactly(1L);
    tally.close();
  }

  @Test
  void aBatchTakesNoCommandsAfterItsMacro() {
    CommandRunner<Tally> tally = Tally.open(CommandOptions.defaults());
    Tally.Batch batch = new Tally.Batch();
    batch.add(1);
    tally.macro(batch).join();
    assertThatThrownBy(() -> batch.add(2)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already handed to macro");
    tally.close();
  }

  @Test
  void anUndoWhoseInverseThrowsLeavesTheStepInPlace() {
    CommandRunner<Tally> tally = Tally.open(CommandOptions.defaults());
    tally.submit(new Tally.Add(1));
    Tally.Batch batch = new Tally.Batch();
    batch.add(2);
    batch.add(3);
    tally.macro(batch).join();
    // break the inverse of add(2): unadd checks that it follows its add
    tally.submit(new Tally.Add(0)).join();
    tally.undo().join(); // undoes add(0)
    assertThat(log(tally)).containsExactly(1L, 2L, 3L);
    assertThat(tally.undo().join()).isTrue();
    assertThat(log(tally)).containsExactly(1L);
    tally.close();
  }
}
