package io.github.posa4j.observe;

import jdk.jfr.FlightRecorder;

/**
 * Whether posa4j's events can be recorded here, answered before any event class is touched.
 *
 * <p>A jlink image may leave the {@code jdk.jfr} module out, and a modular application may not
 * resolve it: then {@link #AVAILABLE} is false, every hook does nothing, and no class that names
 * a {@code jdk.jfr} type is ever loaded (they are all reached behind it).
 *
 * <p>Until Flight Recorder has been initialised, which happens when the first recording is
 * created (by {@code -XX:StartFlightRecording}, {@code jcmd JFR.start}, JMX or the API), no event
 * can be enabled. The hooks then stop at {@link #initialized()}, one read of a static volatile
 * boolean, and leave posa4j's event classes unloaded: on JDK 17 loading the first event class
 * initialises much of Flight Recorder, which took about 130 ms on a small virtual machine.
 */
final class Jfr {
  /** Whether the {@code jdk.jfr} classes can be loaded by the runtime's class loader; read once. */
  static final boolean AVAILABLE = detect();

  private Jfr() {}

  /** Whether a recording may take events: {@code jdk.jfr} is here and Flight Recorder is initialised. */
  static boolean initialized() {
    return AVAILABLE && FlightRecorder.isInitialized();
  }

  private static boolean detect() {
    try {
      Class.forName("jdk.jfr.FlightRecorder", false, Jfr.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError absent) {
      return false;
    }
  }
}
