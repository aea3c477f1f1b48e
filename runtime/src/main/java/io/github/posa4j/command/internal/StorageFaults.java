package io.github.posa4j.command.internal;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where tests make the journal's storage fail as a full or broken disk would: before a segment
 * file is created and before a sync. The journal calls it at those two points only; in
 * production it does nothing.
 */
interface StorageFaults {
  StorageFaults NONE = new StorageFaults() {};

  /** Called before {@code file} is created and allocated. */
  default void beforeCreate(Path file) throws IOException {}

  /** Called before the records written to {@code file} are forced to the device. */
  default void beforeSync(Path file) throws IOException {}

  /** The faults in force; only tests change them. */
  final class Installed {
    static volatile StorageFaults faults = NONE;

    private Installed() {}
  }
}
