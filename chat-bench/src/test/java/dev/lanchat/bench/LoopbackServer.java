package dev.lanchat.bench;

import dev.lanchat.bench.net.ClientFleet;
import dev.lanchat.protocol.netty.Transport;
import dev.lanchat.server.ChatServer;
import dev.lanchat.server.ServerConfig;
import dev.lanchat.server.netty.ConnectionLimits;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A real chat server in the test JVM on 127.0.0.1 and a fresh port, and a bench fleet to load it with; both are
 * started before and stopped after each test of a subclass.
 */
public abstract class LoopbackServer {

    protected ChatServer server;
    protected InetSocketAddress address;
    protected ClientFleet fleet;

    @BeforeEach
    void startServerAndFleet() throws Exception {
        // The limits the bench's default server flags raise, as it raises them for a server it starts itself.
        ServerConfig config = ServerConfig.defaults(new InetSocketAddress("127.0.0.1", 0));
        ConnectionLimits limits = config.limits();
        server = new ChatServer(config.withLimits(limits.withConnections(limits.maxConnections(), 1_000_000,
                limits.maxHandshaking()).withFlood(1_000_000, 1_000_000)));
        address = server.start();
        fleet = new ClientFleet(Transport.best(), 2);
    }

    @AfterEach
    void stopFleetAndServer() {
        try {
            fleet.close();
        } finally {
            server.stop("test over");
        }
    }
}
