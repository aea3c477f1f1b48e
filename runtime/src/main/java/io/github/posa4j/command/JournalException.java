package io.github.posa4j.command;

/**
 * A command journal that cannot be opened or written: a corrupt record (the message names the
 * file and offset), a journal written by a receiver whose commands have since changed
 * incompatibly (it names the command), a directory that another processor holds, or an I/O
 * failure (the {@code IOException} is the cause).
 */
public class JournalException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A journal problem described by {@code message}. */
  public JournalException(String message) {
    super(message);
  }

  /** A journal problem described by {@code message}, caused by {@code cause}. */
  public JournalException(String message, Throwable cause) {
    super(message, cause);
  }
}
