package dev.lanchat.server.e2e;

import dev.lanchat.server.ChatServer;
import dev.lanchat.server.ServerConfig;
import dev.lanchat.server.netty.ConnectionLimits;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A real server on 127.0.0.1 and an ephemeral port, and the wire clients a test opened against it. Departures are
 * announced at once (no resume grace), as these tests are about the transport's policies.
 */
final class ServerFixture implements AutoCloseable {

    final ChatServer server;
    final InetSocketAddress address;
    private final List<WireClient> clients = new ArrayList<>();

    ServerFixture(UnaryOperator<ConnectionLimits> limits) throws Exception {
        ServerConfig config = ServerConfig.defaults(new InetSocketAddress("127.0.0.1", 0));
        server = new ChatServer(config.withLimits(limits.apply(config.limits()))
                .withHistory(null, ServerConfig.History.DEFAULTS, Duration.ZERO));
        address = server.start();
    }

    WireClient connect() throws Exception {
        return track(WireClient.connect(address));
    }

    WireClient join(String nick) throws Exception {
        return connect().join(nick);
    }

    WireClient track(WireClient client) {
        clients.add(client);
        return client;
    }

    @Override
    public void close() throws IOException {
        for (WireClient client : clients) {
            client.close();
        }
        server.stop("test over");
    }
}
