package io.github.posa4j.leader;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests: Debian's package ({@code /usr/lib/postgresql/<version>/bin},
 * which {@code .ci/run} installs when it is missing), a new cluster in a temporary directory,
 * listening on a free port of 127.0.0.1 only, run as the unprivileged {@code postgres} user when
 * the tests run as root (the server refuses to run as root). Trust authentication on loopback;
 * {@code fsync} off, since no test here is about the server's own durability. The runtime's test
 * jar carries it for the tests of other modules.
 */
public final class PostgresServer implements AutoCloseable {
  private static PostgresServer shared;

  private final Path bin;
  private final Path directory;
  private final int port;
  private boolean running;

  private PostgresServer(Path bin, Path directory, int port) {
    this.bin = bin;
    this.directory = directory;
    this.port = port;
  }

  /** One server for the whole test JVM, stopped when it exits. */
  public static synchronized PostgresServer shared() throws IOException, InterruptedException {
    if (shared == null) {
      PostgresServer server = start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::close));
      shared = server;
    }
    return shared;
  }

  /** A new cluster, started. */
  public static PostgresServer start() throws IOException, InterruptedException {
    Path bin = findBin();
    Path directory = Files.createTempDirectory("posa4j-postgres-");
    PostgresServer server = new PostgresServer(bin, directory, freePort());
    if (asRoot()) {
      run(List.of("chown", "postgres:postgres", directory.toString()));
    }
    server.run(bin.resolve("initdb").toString(), "-D", server.data().toString(), "-U", "postgres",
        "--auth=trust", "-E", "UTF8", "--no-sync");
    server.restart();
    return server;
  }

  /** {@code jdbc:postgresql://127.0.0.1:<port>/postgres?user=postgres}. */
  public String url() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
  }

  public int port() {
    return port;
  }

  /** Starts the server again after {@link #stop()}, on the same port and data. */
  public void restart() throws IOException, InterruptedException {
    run(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-l", directory.resolve("log").toString(),
        "-w", "-o", "-p " + port + " -h 127.0.0.1 -k " + directory + " -c fsync=off", "start");
    running = true;
  }

  /** Stops the server at once, as a crash would: connections are cut, nothing is shut down cleanly. */
  public void stop() throws IOException, InterruptedException {
    run(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "immediate", "-w", "stop");
    running = false;
  }

  @Override
  public synchronized void close() {
    try {
      if (running) {
        stop();
      }
    } catch (IOException | InterruptedException e) {
      // the directory is removed below; a leftover server dies with its data
    }
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind
    }
  }

  private Path data() {
    return directory.resolve("data");
  }

  private void run(String... command) throws IOException, InterruptedException {
    List<String> line = new ArrayList<>();
    if (asRoot()) {
      line.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    line.addAll(List.of(command));
    run(line);
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed (" + (process.isAlive() ? "timed out" : "exit "
          + process.exitValue()) + "):\n" + new String(output, StandardCharsets.UTF_8));
    }
  }

  private static boolean asRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static Path findBin() throws IOException {
    Path root = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(root)) {
      try (Stream<Path> versions = Files.list(root)) {
        Path newest = versions.filter(version -> Files.isExecutable(version.resolve("bin/pg_ctl")))
            .max(Comparator.comparingInt(version -> Integer.parseInt(version.getFileName().toString().replaceAll("\\D", "0"))))
            .orElse(null);
        if (newest != null) {
          return newest.resolve("bin");
        }
      }
    }
    throw new IOException("no PostgreSQL server under /usr/lib/postgresql/<version>/bin: these tests run a real one;"
        + " install Debian's package (apt-get install -y postgresql), as .ci/run does");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
