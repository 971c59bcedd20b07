package dev.lanchat.server;

import dev.lanchat.server.netty.NettyChatServer;
import dev.lanchat.server.room.ChatHub;
import dev.lanchat.server.room.HubSettings;
import dev.lanchat.server.room.MemberCount;
import java.net.InetSocketAddress;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running chat server: the chat domain wired to its Netty transport. Start it, read its address, stop it.
 * Thread-safe.
 */
public final class ChatServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChatServer.class);

    private final ServerConfig config;
    private final NettyChatServer channels;
    private volatile boolean stopped;

    public ChatServer(ServerConfig config) {
        this(config, Clock.systemUTC());
    }

    public ChatServer(ServerConfig config, Clock clock) {
        this.config = config;
        this.channels = new NettyChatServer(config.transport(), config.ioThreads(), config.maxFrameBytes(),
                (audiences, later) -> new ChatHub(
                        new HubSettings(config.serverName(), config.motd(), config.lobby(), config.maxFrameBytes()),
                        clock, audiences, later));
    }

    /** Binds the listening socket and starts accepting connections. */
    public InetSocketAddress start() throws InterruptedException {
        InetSocketAddress bound = channels.bind(config.listen());
        String host = bound.getAddress().isAnyLocalAddress() ? "*" : bound.getAddress().getHostAddress();
        log.info("listening on {}:{} ({} transport, {} I/O threads)", host, bound.getPort(), config.transport(),
                config.ioThreads());
        return bound;
    }

    /** The address the server is listening on. */
    public InetSocketAddress address() {
        return channels.boundAddress();
    }

    /** How many members are connected, readable from any thread, with listeners for its changes. */
    public MemberCount memberCount() {
        return channels.memberCount();
    }

    /**
     * Stops gracefully: stops accepting, delivers everything already accepted, says goodbye to every member with
     * {@code reason}, and closes their connections; connections that do not take their goodbye within the grace
     * period are cut off. Returns when everything is closed. Calling it again does nothing.
     */
    public void stop(String reason) {
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
        }
        channels.shutdown(reason, config.shutdownGrace());
    }

    @Override
    public void close() {
        stop("Server shutting down");
    }
}
