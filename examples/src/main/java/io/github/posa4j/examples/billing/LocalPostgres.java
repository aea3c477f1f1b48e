package io.github.posa4j.examples.billing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server for the demo: Debian's package ({@code /usr/lib/postgresql/<version>}),
 * a new cluster in a temporary directory, listening on a free port of 127.0.0.1 only, run as the
 * {@code postgres} user when the demo runs as root (the server refuses root). Trust
 * authentication on loopback, since nothing else can reach it; deleted on {@link #close()}.
 */
public final class LocalPostgres implements AutoCloseable {
  private final Path bin;
  private final Path directory;
  private final int port;

  private LocalPostgres(Path bin, Path directory, int port) {
    this.bin = bin;
    this.directory = directory;
    this.port = port;
  }

  /** Where Debian's PostgreSQL programs are, if the package is installed. */
  public static Optional<Path> installed() {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions.map(version -> version.resolve("bin"))
          .filter(bin -> Files.isExecutable(bin.resolve("pg_ctl")))
          .max(Comparator.comparing(Path::toString));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Creates and starts a server with the programs in {@code bin}. */
  public static LocalPostgres start(Path bin) throws IOException, InterruptedException {
    Path directory = Files.createTempDirectory("posa4j-demo-postgres-");
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    LocalPostgres server = new LocalPostgres(bin, directory, port);
    if (asRoot()) {
      run(List.of("chown", "postgres:postgres", directory.toString()));
    }
    server.runAsOwner(bin.resolve("initdb").toString(), "-D", directory.resolve("data").toString(), "-U", "postgres",
        "--auth=trust", "-E", "UTF8", "--no-sync");
    server.runAsOwner(bin.resolve("pg_ctl").toString(), "-D", directory.resolve("data").toString(), "-l",
        directory.resolve("log").toString(), "-w", "-o", "-p " + port + " -h 127.0.0.1 -k " + directory, "start");
    return server;
  }

  /** The JDBC URL of the server's {@code postgres} database. */
  public String url() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
  }

  /** Stops the server and deletes its files. */
  @Override
  public void close() {
    try {
      runAsOwner(bin.resolve("pg_ctl").toString(), "-D", directory.resolve("data").toString(), "-m", "immediate",
          "-w", "stop");
    } catch (IOException | InterruptedException e) {
      // its files go below; a server left running dies with them
    }
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind
    }
  }

  private void runAsOwner(String... command) throws IOException, InterruptedException {
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
      throw new IOException(String.join(" ", command) + " failed:\n" + new String(output, StandardCharsets.UTF_8));
    }
  }

  private static boolean asRoot() {
    return "root".equals(System.getProperty("user.name"));
  }
}
