package dev.lanchat.client.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanchat.protocol.ClientMessage;
import dev.lanchat.protocol.ErrorCode;
import dev.lanchat.protocol.LeaveReason;
import dev.lanchat.protocol.ServerMessage;
import dev.lanchat.server.ChatServer;
import dev.lanchat.server.ServerConfig;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The chat room as users see it: a real server on loopback and real clients over real sockets. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ChatRoomIT {

    private ChatServer server;
    private InetSocketAddress address;
    private final List<TestMember> members = new ArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        // Departures announced at once: resuming is ResumeIT's subject.
        server = new ChatServer(ServerConfig.defaults(new InetSocketAddress("127.0.0.1", 0))
                .withHistory(null, ServerConfig.History.DEFAULTS, Duration.ZERO));
        address = server.start();
    }

    @AfterEach
    void stopEverything() {
        members.forEach(TestMember::close);
        server.stop("test over");
    }

    private TestMember join(String nick) throws Exception {
        TestMember member = TestMember.join(address, nick);
        members.add(member);
        return member;
    }

    @Test
    void everyoneReceivesEveryLineInTheSameOrder() throws Exception {
        TestMember ada = join("ada");
        TestMember bob = join("bob");
        TestMember cy = join("cy");
        ada.next(ServerMessage.Joined.class);
        ada.next(ServerMessage.Joined.class);
        bob.next(ServerMessage.Joined.class);

        int perSender = 50;
        for (int i = 0; i < perSender; i++) {
            ada.say("ada " + i);
            bob.say("bob " + i);
            cy.say("cy " + i);
        }

        List<List<String>> seen = new ArrayList<>();
        for (TestMember member : List.of(ada, bob, cy)) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 3 * perSender; i++) {
                ServerMessage.Chat chat = member.next(ServerMessage.Chat.class);
                lines.add(chat.from() + ":" + chat.text());
            }
            seen.add(lines);
        }
        assertEquals(seen.get(0), seen.get(1), "ada and bob saw different orders");
        assertEquals(seen.get(0), seen.get(2), "ada and cy saw different orders");
        for (String sender : List.of("ada", "bob", "cy")) {
            List<String> fromSender = seen.get(0).stream().filter(l -> l.startsWith(sender + ":")).toList();
            for (int i = 0; i < perSender; i++) {
                assertEquals(sender + ":" + sender + " " + i, fromSender.get(i), "lines from one sender out of order");
            }
        }
    }

    @Test
    void aTakenNickIsRefusedAndAnotherCanBeChosen() throws Exception {
        join("ada");
        TestMember second = TestMember.connect(address, "second");
        members.add(second);
        second.send(new ClientMessage.Hello(1, "ADA", ""));
        assertEquals(ErrorCode.NICK_TAKEN.wireName(), second.next(ServerMessage.Error.class).code());
        second.send(new ClientMessage.Hello(1, "ada2", ""));
        assertEquals("ada2", second.next(ServerMessage.Welcome.class).nick());
    }

    @Test
    void aPrivateMessageIsSeenByItsTargetOnly() throws Exception {
        TestMember ada = join("ada");
        TestMember bob = join("bob");
        TestMember cy = join("cy");

        ada.command("msg", "bob the password is swordfish");
        cy.say("marker");

        ServerMessage.PrivateChat received = bob.await(ServerMessage.PrivateChat.class, m -> true);
        assertEquals("ada", received.from());
        assertEquals("the password is swordfish", received.text());
        ada.await(ServerMessage.PrivateChat.class, m -> m.to().equals("bob"));
        // Everything cy receives up to its own marker line must not include the private message.
        while (true) {
            ServerMessage message = cy.next(ServerMessage.class);
            assertTrue(!(message instanceof ServerMessage.PrivateChat), "cy saw a private message: " + message);
            if (message instanceof ServerMessage.Chat && ((ServerMessage.Chat) message).text().equals("marker")) {
                break;
            }
        }
    }

    @Test
    void meIsSeenAsAnAction() throws Exception {
        TestMember ada = join("ada");
        TestMember bob = join("bob");
        ada.command("me", "waves");
        ServerMessage.Chat action = bob.await(ServerMessage.Chat.class, m -> true);
        assertTrue(action.action());
        assertEquals("ada", action.from());
        assertEquals("waves", action.text());
    }

    @Test
    void quitIsAnnouncedWithItsReasonAndTheQuitterGetsAGoodbye() throws Exception {
        TestMember ada = join("ada");
        TestMember bob = join("bob");
        bob.command("quit", "off to lunch");
        assertEquals(LeaveReason.QUIT.wireName(), bob.await(ServerMessage.Bye.class, m -> true).reason());
        assertEquals("", bob.awaitClosed());
        ServerMessage.Left left = ada.await(ServerMessage.Left.class, m -> true);
        assertEquals(List.of("bob"), left.nicks());
        assertEquals(LeaveReason.QUIT.wireName(), left.reason());
        assertEquals("off to lunch", left.message());
    }

    @Test
    void aClientThatVanishesIsAnnouncedAsLost() throws Exception {
        TestMember ada = join("ada");
        try (Socket raw = new Socket(address.getAddress(), address.getPort())) {
            OutputStream out = raw.getOutputStream();
            byte[] hello = "{\"type\":\"hello\",\"v\":1,\"nick\":\"ghost\"}".getBytes(StandardCharsets.UTF_8);
            out.write(ByteBuffer.allocate(4 + hello.length).putInt(hello.length).put(hello).array());
            // Half a frame, then the process "dies": the kernel resets the connection.
            out.write(new byte[] {0, 0, 0, 100, '{'});
            out.flush();
            ada.await(ServerMessage.Joined.class, m -> m.nick().equals("ghost"));
            raw.setSoLinger(true, 0);
        }
        ServerMessage.Left left = ada.await(ServerMessage.Left.class, m -> true);
        assertEquals(List.of("ghost"), left.nicks());
        assertEquals(LeaveReason.LOST.wireName(), left.reason());
    }

    @Test
    void serverShutdownIsAnnouncedToEveryoneAfterEverythingAlreadySent() throws Exception {
        TestMember ada = join("ada");
        TestMember bob = join("bob");
        for (int i = 0; i < 20; i++) {
            ada.say("line " + i);
        }
        ada.command("who", ""); // the answer proves the server has taken all twenty lines
        ada.await(ServerMessage.Members.class, m -> true);

        server.stop("maintenance at noon");

        for (int i = 0; i < 20; i++) {
            final int n = i;
            bob.await(ServerMessage.Chat.class, m -> m.text().equals("line " + n));
        }
        for (TestMember member : List.of(ada, bob)) {
            ServerMessage.Bye bye = member.await(ServerMessage.Bye.class, m -> true);
            assertEquals(LeaveReason.SHUTDOWN.wireName(), bye.reason());
            assertEquals("maintenance at noon", bye.text());
            member.awaitClosed();
        }
        assertNull(bob.poll(Duration.ofMillis(50)), "nothing may follow the goodbye");
    }
}
