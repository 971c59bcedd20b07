package dev.lanchat.bench;

import dev.lanchat.bench.net.ClientFleet;
import dev.lanchat.protocol.netty.Transport;
import dev.lanchat.server.ChatServer;
import dev.lanchat.server.ServerConfig;
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
    void startServerAndFleet() throws InterruptedException {
        server = new ChatServer(ServerConfig.defaults(new InetSocketAddress("127.0.0.1", 0)));
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
