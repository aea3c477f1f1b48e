/** The machinery of the transports: event loops, connections, frames, write queues, TLS sessions. Not an API. */
package io.github.posa4j.net.internal;
