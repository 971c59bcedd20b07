package dev.lanchat.server;

import dev.lanchat.server.netty.NettyChatServer;
import dev.lanchat.server.netty.ServerTls;
import dev.lanchat.server.room.ChatHub;
import dev.lanchat.server.room.HistoryStore;
import dev.lanchat.server.room.MemberCount;
import dev.lanchat.server.room.Moderation;
import dev.lanchat.server.room.ResumeTokens;
import dev.lanchat.server.store.FileHistoryStore;
import dev.lanchat.server.store.Secrets;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running chat server: the chat domain wired to its Netty transport. Start it, read its address, stop it.
 * Thread-safe.
 */
public final class ChatServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChatServer.class);

    private final ServerConfig config;
    private final ServerTls.Identity tls;
    private final HistoryStore history;
    private final NettyChatServer channels;
    private final Instant started;
    private volatile boolean stopped;

    /**
     * @throws IOException              if the TLS identity cannot be read or made
     * @throws GeneralSecurityException if the TLS identity is not usable
     */
    public ChatServer(ServerConfig config) throws IOException, GeneralSecurityException {
        this(config, Clock.systemUTC());
    }

    public ChatServer(ServerConfig config, Clock clock) throws IOException, GeneralSecurityException {
        this.config = config;
        Path data = config.dataDir();
        if (config.tls().enabled() && config.tls().certificate() == null && data == null) {
            throw new IOException("a self-signed TLS identity needs a data directory to keep it in");
        }
        this.tls = !config.tls().enabled() ? null
                : config.tls().certificate() != null
                ? ServerTls.fromPem(config.tls().certificate(), config.tls().privateKey())
                : ServerTls.selfSigned(data.resolve("tls"), config.serverName());
        this.history = data == null ? HistoryStore.inMemory()
                : new FileHistoryStore(data.resolve("rooms"), config.history().syncInterval());
        ResumeTokens tokens = new ResumeTokens(data == null ? Secrets.random() : Secrets.kept(data.resolve(
                "resume.key")));
        Moderation moderation = new Moderation(clock, data == null ? null : data.resolve("bans.tsv"));
        this.channels = new NettyChatServer(config.transport(), config.ioThreads(), config.limits(),
                tls == null ? null : tls.context(), config.password(), moderation,
                (audiences, scheduler) -> new ChatHub(config.hubSettings(), clock, audiences, scheduler, history,
                        tokens, moderation));
        this.started = clock.instant();
    }

    /** Binds the listening socket and starts accepting connections. */
    public InetSocketAddress start() throws InterruptedException {
        InetSocketAddress bound = channels.bind(config.listen());
        String host = bound.getAddress().isAnyLocalAddress() ? "*" : bound.getAddress().getHostAddress();
        log.info("listening on {}:{} ({} transport, {} I/O threads{}{})", host, bound.getPort(), config.transport(),
                config.ioThreads(), tls == null ? "" : ", TLS", config.password() == null ? "" : ", password");
        return bound;
    }

    /** The address the server is listening on. */
    public InetSocketAddress address() {
        return channels.boundAddress();
    }

    /** The SHA-256 fingerprint of the server's TLS certificate, or {@code null} without TLS. */
    public String tlsFingerprint() {
        return tls == null ? null : tls.fingerprint();
    }

    /** The operator's view and controls, for the server's console. */
    public Operator operator() {
        return new Operator(channels, started);
    }

    /** Open connections, joined or not. */
    public int openConnections() {
        return channels.openConnections();
    }

    /** How many members the server has, readable from any thread, with listeners for its changes. */
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
        history.close();
    }

    @Override
    public void close() {
        stop("Server shutting down");
    }
}
