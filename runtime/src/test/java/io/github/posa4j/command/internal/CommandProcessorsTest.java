package io.github.posa4j.command.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.posa4j.command.CommandOptions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Observers hear of each processor once as it opens and once as it closes, however it is closed;
 * one that throws is ignored; and an unnamed processor gets one name for its thread and observers.
 */
class CommandProcessorsTest {
  private final List<String> heard = new CopyOnWriteArrayList<>();
  private final CommandProcessorObserver observer = new CommandProcessorObserver() {
    @Override
    public void opened(CommandRunner<?> processor) {
      heard.add("opened " + processor.name());
    }

    @Override
    public void closed(CommandRunner<?> processor) {
      heard.add("closed " + processor.name());
    }
  };
  private final CommandProcessorObserver throwing = new CommandProcessorObserver() {
    @Override
    public void opened(CommandRunner<?> processor) {
      throw new IllegalStateException("observer broken");
    }

    @Override
    public void closed(CommandRunner<?> processor) {
      throw new IllegalStateException("observer broken");
    }
  };

  @AfterEach
  void removeObservers() {
    CommandProcessors.removeObserver(observer);
    CommandProcessors.removeObserver(throwing);
  }

  @Test
  void observersHearOfTheOpeningAndOfTheCloseOnce() {
    CommandProcessors.addObserver(throwing);
    CommandProcessors.addObserver(observer);
    CommandRunner<Tally> tally = Tally.open(CommandOptions.builder().name("observed-tally").build());
    assertThat(tally.submit(new Tally.Add(2)).join()).isEqualTo(2L);
    tally.close();
    tally.close();
    tally.shutdownNow();

    assertThat(heard).containsExactly("opened observed-tally", "closed observed-tally");
  }

  @Test
  void shutdownNowIsAClose() {
    CommandProcessors.addObserver(observer);
    CommandRunner<Tally> tally = Tally.open(CommandOptions.builder().name("stopped-tally").build());
    tally.shutdownNow();

    assertThat(heard).containsExactly("opened stopped-tally", "closed stopped-tally");
    assertThat(tally.isClosed()).isTrue();
  }

  @Test
  void anUnnamedProcessorHasOneNameForItsThreadAndItsObservers() throws Exception {
    CommandProcessors.addObserver(observer);
    CommandRunner<Tally> tally = Tally.open(CommandOptions.defaults());
    String thread = tally.submit(new ThreadName()).join();
    tally.close();

    assertThat(tally.name()).matches("TallyCommands-\\d+").isEqualTo(thread);
    assertThat(tally.options().name()).contains(tally.name());
    assertThat(heard).containsExactly("opened " + tally.name(), "closed " + tally.name());
  }

  private static final class ThreadName extends Query<Tally, String> {
    @Override
    protected String apply(Tally receiver) {
      return Thread.currentThread().getName();
    }
  }
}
