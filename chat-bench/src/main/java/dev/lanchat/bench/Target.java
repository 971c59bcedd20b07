package dev.lanchat.bench;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The server a run loads: one the bench starts itself, or one already running on this machine. Either way it is on
 * a loopback address; the bench never sends load anywhere else. Immutable.
 */
public sealed interface Target {

    /**
     * Start {@code java -jar serverJar --bind 127.0.0.1 --port 0}, then {@code defaultArgs} (the limits a benchmark
     * must raise, which a server that does not know them may drop), then {@code extraArgs}; stop it at the end.
     */
    record Spawn(Path serverJar, List<String> defaultArgs, List<String> extraArgs) implements Target {
        public Spawn {
            Objects.requireNonNull(serverJar, "serverJar");
            defaultArgs = List.copyOf(defaultArgs);
            extraArgs = List.copyOf(extraArgs);
        }
    }

    /** A server already listening at {@code address}, a loopback address; {@code pid} lets the bench read its memory. */
    record Running(InetSocketAddress address, OptionalLong pid) implements Target {
        public Running {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(pid, "pid");
            if (address.isUnresolved() || !address.getAddress().isLoopbackAddress()) {
                throw new IllegalArgumentException("refusing to target " + address.getHostString() + ": the bench "
                        + "only loads servers on this machine's loopback addresses (127.0.0.0/8, ::1)");
            }
            if (address.getPort() < 1) {
                throw new IllegalArgumentException("port must be between 1 and 65535: " + address.getPort());
            }
        }
    }
}
