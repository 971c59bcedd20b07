package dev.lanchat.client.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanchat.client.ClientMainAccess;
import dev.lanchat.client.net.ChatConnection;
import dev.lanchat.client.net.ConnectionListener;
import dev.lanchat.client.net.KnownServers;
import dev.lanchat.client.net.TlsPolicy;
import dev.lanchat.protocol.ClientMessage;
import dev.lanchat.protocol.ErrorCode;
import dev.lanchat.protocol.ServerMessage;
import dev.lanchat.server.ChatServer;
import dev.lanchat.server.ServerConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** TLS with certificates pinned on first use, and room passwords, between the real server and the real client. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SecurityIT {

    @TempDir
    Path dir;

    private ChatServer start(ServerConfig.Tls tls, String password, Path dataDir) throws Exception {
        ServerConfig config = ServerConfig.defaults(new InetSocketAddress("127.0.0.1", 0))
                .withSecurity(tls, password, dataDir);
        ChatServer server = new ChatServer(config);
        server.start();
        return server;
    }

    private static ChatConnection connect(ChatServer server, TlsPolicy tls, ConnectionListener listener)
            throws IOException, InterruptedException {
        InetSocketAddress address = server.address();
        return ChatConnection.open("127.0.0.1", address.getPort(), Duration.ofSeconds(10), tls, listener);
    }

    @Test
    void theServersCertificateIsPinnedOnFirstUseAndTrustedAfter() throws Exception {
        ChatServer server = start(ServerConfig.Tls.SELF_SIGNED, null, dir.resolve("server"));
        KnownServers known = new KnownServers(dir.resolve("known_servers"));
        Inbox inbox = new Inbox();
        try {
            try (ChatConnection first = connect(server, new TlsPolicy(known, null), inbox)) {
                assertTrue(first.pinnedNow());
                assertEquals(server.tlsFingerprint(), first.tlsFingerprint());
                first.send(new ClientMessage.Hello(1, "ada", "test"));
                assertTrue(inbox.take() instanceof ServerMessage.Welcome, "chat works over TLS");
            }
            assertEquals(server.tlsFingerprint(), known.get("127.0.0.1:" + server.address().getPort()));
            try (ChatConnection second = connect(server, new TlsPolicy(known, null), new Inbox())) {
                assertFalse(second.pinnedNow());
                assertEquals(server.tlsFingerprint(), second.tlsFingerprint());
            }
        } finally {
            server.stop("test over");
        }
    }

    @Test
    void theSelfSignedIdentityStaysTheSameAcrossRestarts() throws Exception {
        ChatServer first = start(ServerConfig.Tls.SELF_SIGNED, null, dir.resolve("server"));
        String fingerprint = first.tlsFingerprint();
        first.stop("restart");
        ChatServer second = start(ServerConfig.Tls.SELF_SIGNED, null, dir.resolve("server"));
        try {
            assertEquals(fingerprint, second.tlsFingerprint());
            assertTrue(fingerprint.matches("SHA256(:[0-9A-F]{2}){32}"), fingerprint);
        } finally {
            second.stop("test over");
        }
    }

    @Test
    void aChangedCertificateIsRefusedNamingBothFingerprints() throws Exception {
        ChatServer impostor = start(ServerConfig.Tls.SELF_SIGNED, null, dir.resolve("impostor"));
        ChatServer genuine = start(ServerConfig.Tls.SELF_SIGNED, null, dir.resolve("genuine"));
        try {
            KnownServers known = new KnownServers(dir.resolve("known_servers"));
            String server = "127.0.0.1:" + impostor.address().getPort();
            known.put(server, genuine.tlsFingerprint()); // what this address presented before

            IOException refused = assertThrows(IOException.class,
                    () -> connect(impostor, new TlsPolicy(known, null), new Inbox()));
            assertTrue(refused.getMessage().contains("WARNING"), refused.getMessage());
            assertTrue(refused.getMessage().contains("expected: " + genuine.tlsFingerprint()), refused.getMessage());
            assertTrue(refused.getMessage().contains("received: " + impostor.tlsFingerprint()), refused.getMessage());
            assertEquals(genuine.tlsFingerprint(), known.get(server), "a refused certificate must not be pinned");

            IOException wrongFlag = assertThrows(IOException.class,
                    () -> connect(impostor, new TlsPolicy(known, genuine.tlsFingerprint()), new Inbox()));
            assertTrue(wrongFlag.getMessage().contains("given with --fingerprint"), wrongFlag.getMessage());
            assertNotEquals(genuine.tlsFingerprint(), impostor.tlsFingerprint());
        } finally {
            impostor.stop("test over");
            genuine.stop("test over");
        }
    }

    @Test
    void aPlainClientOnATlsPortIsToldToUseTls() throws Exception {
        ChatServer server = start(ServerConfig.Tls.SELF_SIGNED, null, dir.resolve("server"));
        Inbox inbox = new Inbox();
        try (ChatConnection plain = connect(server, null, inbox)) {
            plain.send(new ClientMessage.Hello(1, "ada", "test"));
            ServerMessage.Error error = (ServerMessage.Error) inbox.take();
            assertEquals(ErrorCode.TLS_REQUIRED.wireName(), error.code());
            assertTrue(plain.awaitClosed(Duration.ofSeconds(5)));
        } finally {
            server.stop("test over");
        }
    }

    @Test
    void aTlsClientOnAPlainPortIsToldWhatWentWrong() throws Exception {
        ChatServer server = start(ServerConfig.Tls.OFF, null, dir.resolve("server"));
        try {
            IOException failed = assertThrows(IOException.class, () -> connect(server,
                    new TlsPolicy(new KnownServers(dir.resolve("known")), null), new Inbox()));
            assertTrue(failed.getMessage().contains("TLS"), failed.getMessage());
        } finally {
            server.stop("test over");
        }
    }

    @Test
    void theClientJoinsARoomWithItsPasswordAndIsRefusedWithoutIt() throws Exception {
        ChatServer server = start(ServerConfig.Tls.SELF_SIGNED, "correct horse", dir.resolve("server"));
        try {
            Path right = Files.writeString(dir.resolve("right"), "correct horse\n");
            Path wrong = Files.writeString(dir.resolve("wrong"), "battery staple\n");
            String port = String.valueOf(server.address().getPort());
            String fingerprint = server.tlsFingerprint();

            Run ok = run("hello\nquit\n", "--port", port, "--nick", "ada", "--fingerprint", fingerprint,
                    "--password-file", right.toString());
            assertEquals(0, ok.status, ok.output);
            assertTrue(ok.output.contains("<ada> hello"), ok.output);

            Run bad = run("hello\n", "--port", port, "--nick", "eve", "--fingerprint", fingerprint,
                    "--password-file", wrong.toString());
            assertEquals(3, bad.status, bad.output);
            assertTrue(bad.output.contains("wrong password"), bad.output);

            Run none = run("hello\n", "--port", port, "--nick", "eve", "--fingerprint", fingerprint);
            assertEquals(3, none.status, none.output);
            assertTrue(none.output.contains("needs a password"), none.output);
            assertTrue(none.output.contains("--password-file"), none.output);
        } finally {
            server.stop("test over");
        }
    }

    @Test
    void theClientPinsOnFirstUseAndSaysSo() throws Exception {
        ChatServer server = start(ServerConfig.Tls.SELF_SIGNED, null, dir.resolve("server"));
        try {
            String port = String.valueOf(server.address().getPort());
            Path known = dir.resolve("known_servers");
            Run first = run("quit\n", "--port", port, "--nick", "ada", "--tls", "--known-servers", known.toString());
            assertEquals(0, first.status, first.output);
            assertTrue(first.output.contains("First TLS connection"), first.output);
            assertTrue(first.output.contains(server.tlsFingerprint()), first.output);
            Run again = run("quit\n", "--port", port, "--nick", "ada", "--tls", "--known-servers", known.toString());
            assertTrue(again.output.contains("matches its pinned fingerprint"), again.output);
        } finally {
            server.stop("test over");
        }
    }

    private record Run(int status, String output) {
    }

    private static Run run(String input, String... args) throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] all = new String[args.length + 2];
        all[0] = "--host";
        all[1] = "127.0.0.1";
        System.arraycopy(args, 0, all, 2, args.length);
        int status = ClientMainAccess.run(all, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8));
    }

    /** Collects what a connection receives. */
    private static final class Inbox implements ConnectionListener {
        private final BlockingQueue<ServerMessage> messages = new LinkedBlockingQueue<>();

        ServerMessage take() throws InterruptedException {
            ServerMessage message = messages.poll(10, TimeUnit.SECONDS);
            if (message == null) {
                throw new AssertionError("nothing arrived within 10 s");
            }
            return message;
        }

        @Override
        public void onMessage(ServerMessage message) {
            messages.add(message);
        }

        @Override
        public void onClosed(String problem) {
        }
    }
}
