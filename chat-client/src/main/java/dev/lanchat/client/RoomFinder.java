package dev.lanchat.client;

import dev.lanchat.client.console.Console;
import dev.lanchat.client.console.Sanitizer;
import dev.lanchat.client.discovery.FoundRoom;
import dev.lanchat.client.discovery.LocalServerProbe;
import dev.lanchat.client.discovery.RoomBrowser;
import dev.lanchat.protocol.discovery.MulticastInterfaces;
import dev.lanchat.protocol.discovery.RoomAdvert;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Finds the server to join when the user named none. It browses the LAN for a short while and, at the same time,
 * checks whether a server answers on this machine; then it joins the only room found, lets the person choose among
 * several, or falls back to this machine. The glue between a {@link RoomBrowser} (which knows the network) and a
 * {@link Console} (which knows the person); the decision itself is {@link #decide}, a pure function.
 */
final class RoomFinder {

    /** The longest a client browses before it decides. */
    static final Duration BROWSE_TIME = Duration.ofSeconds(2);
    /** Answers have settled when nothing new has come for this long. */
    static final Duration SETTLE_TIME = Duration.ofMillis(500);
    /** How long the check for a server on this machine may take. */
    static final Duration LOCAL_PROBE_TIME = Duration.ofSeconds(1);
    /** Exit status when several rooms were found and a script must say which. */
    static final int EXIT_AMBIGUOUS = 2;

    /** Where to connect (over TLS if the room says it needs it), or the exit status to end with. */
    sealed interface Outcome {
        record Join(String host, int port, boolean tls) implements Outcome {
        }

        record Stop(int exitStatus) implements Outcome {
        }
    }

    /** What to do about what was found. */
    sealed interface Decision {
        record JoinRoom(FoundRoom room) implements Decision {
        }

        record Choose(List<FoundRoom> rooms) implements Decision {
        }

        record JoinLocal() implements Decision {
        }

        record NoneFound() implements Decision {
        }
    }

    private RoomFinder() {
    }

    /** One room: join it; several: choose; none: this machine if a server answers there, else nothing. */
    static Decision decide(List<FoundRoom> rooms, boolean localServerAnswers) {
        if (rooms.size() == 1) {
            return new Decision.JoinRoom(rooms.get(0));
        }
        if (rooms.size() > 1) {
            return new Decision.Choose(List.copyOf(rooms));
        }
        return localServerAnswers ? new Decision.JoinLocal() : new Decision.NoneFound();
    }

    /**
     * Browses on {@code browseOn} and decides, telling the person what it found through {@code console}; a script
     * that must choose among several rooms is told on {@code err}.
     *
     * @param port the port to try on this machine when the LAN has no room
     */
    static Outcome find(List<InetAddress> browseOn, int port, Console console, PrintStream err)
            throws InterruptedException {
        CompletableFuture<Boolean> local = CompletableFuture.supplyAsync(
                () -> LocalServerProbe.answers(port, LOCAL_PROBE_TIME));
        List<FoundRoom> rooms;
        RoomBrowser browser = RoomBrowser.start(browseOn);
        boolean searched = browser.isBrowsing();
        try {
            if (searched) {
                console.info("Looking for chat rooms on the LAN ...");
            }
            rooms = browser.awaitSettled(BROWSE_TIME, SETTLE_TIME);
        } finally {
            browser.closeInBackground();
        }
        boolean localAnswers = rooms.isEmpty() && answered(local);
        Decision decision = decide(rooms, localAnswers);
        if (decision instanceof Decision.JoinRoom join) {
            FoundRoom room = join.room();
            console.info("Found one room on the LAN: " + describe(room) + ".");
            return new Outcome.Join(room.address(), room.port(), room.advert().tls());
        }
        if (decision instanceof Decision.Choose choose) {
            return choose(choose.rooms(), console, err);
        }
        if (decision instanceof Decision.JoinLocal) {
            console.info("No room found on the LAN; joining the server on this machine.");
            return new Outcome.Join(LocalServerProbe.LOCALHOST, port, false);
        }
        console.error((searched ? "No chat room found on the LAN" : "No network interface to look for rooms on")
                + ", and no server answers on this machine (port " + port + ").\n"
                + "Ask whoever hosts the room for its address and join with --host ADDRESS,"
                + " or host one yourself with ./chat server.");
        return new Outcome.Stop(ChatSession.EXIT_DISCONNECTED);
    }

    private static Outcome choose(List<FoundRoom> rooms, Console console, PrintStream err) {
        List<String> rows = RoomTable.rows(rooms);
        if (!console.interactive()) {
            err.println("chat client: " + rooms.size() + " rooms found on the LAN; choose one with --host "
                    + "(and --port):");
            for (int i = 0; i < rooms.size(); i++) {
                err.println("  " + rows.get(i));
                err.println("      " + RoomTable.joinCommand(rooms.get(i)));
            }
            err.flush();
            return new Outcome.Stop(EXIT_AMBIGUOUS);
        }
        OptionalInt chosen = console.choose(rooms.size() + " chat rooms on the LAN; which one?", rows);
        if (chosen.isEmpty()) {
            console.info("No room chosen.");
            return new Outcome.Stop(ChatSession.EXIT_LEFT);
        }
        FoundRoom room = rooms.get(chosen.getAsInt());
        return new Outcome.Join(room.address(), room.port(), room.advert().tls());
    }

    /** Such as {@code 'lobby' on Lab PC at 192.168.1.20:7777, 3 members}. */
    static String describe(FoundRoom room) {
        RoomAdvert advert = room.advert();
        StringBuilder text = new StringBuilder();
        if (!advert.room().isEmpty()) {
            text.append('\'').append(Sanitizer.forDisplay(advert.room())).append("' on ");
        }
        text.append(Sanitizer.forDisplay(room.name()))
                .append(" at ").append(room.address()).append(':').append(room.port());
        if (advert.members() != RoomAdvert.UNKNOWN) {
            text.append(", ").append(advert.members()).append(advert.members() == 1 ? " member" : " members");
        }
        return text.toString();
    }

    /**
     * Where to browse: the network of {@code discoverOn} if given (an address of this machine, loopback included),
     * else every LAN interface.
     *
     * @throws IllegalArgumentException if {@code discoverOn} is not an address
     */
    static List<InetAddress> browseAddresses(String discoverOn) {
        if (discoverOn == null || discoverOn.isBlank()) {
            return MulticastInterfaces.lan();
        }
        try {
            return List.of(InetAddress.getByName(discoverOn.strip()));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot resolve the discovery address '" + discoverOn + "'");
        }
    }

    private static boolean answered(CompletableFuture<Boolean> local) throws InterruptedException {
        try {
            return local.get(LOCAL_PROBE_TIME.toMillis() + 500, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }
}
