package io.github.posa4j.agent;

import io.github.posa4j.config.Config;
import io.github.posa4j.config.ConfigSource;
import io.github.posa4j.config.ConfigSources;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The configuration the agent resolves policies with: posa4j's standard sources, with the
 * agent's {@code config=<file>} right after the environment (so system properties and environment
 * variables still override it). One per class loader, because {@code META-INF/posa4j.properties}
 * is looked up through the loader of the class being woven.
 */
final class AgentConfig {
  private final ConfigSource agentFile;
  private final Map<ClassLoader, Config> byLoader = new WeakHashMap<>();
  private Config forBootstrap;

  AgentConfig(ConfigSource agentFile) {
    this.agentFile = agentFile;
  }

  /** The agent's file, or null without one. */
  ConfigSource agentFile() {
    return agentFile;
  }

  synchronized Config forLoader(ClassLoader loader) {
    if (loader == null) {
      if (forBootstrap == null) {
        forBootstrap = build(null);
      }
      return forBootstrap;
    }
    return byLoader.computeIfAbsent(loader, this::build);
  }

  private Config build(ClassLoader loader) {
    List<ConfigSource> sources = new ArrayList<>();
    sources.add(ConfigSources.systemProperties());
    sources.add(ConfigSources.environment());
    if (agentFile != null) {
      sources.add(agentFile);
    }
    String file = System.getProperty(Config.FILE_PROPERTY);
    if (file != null && !file.isBlank()) {
      sources.add(ConfigSources.file(Path.of(file.trim())));
    }
    sources.add(ConfigSources.classpath(loader));
    return Config.of(sources.toArray(ConfigSource[]::new));
  }
}
