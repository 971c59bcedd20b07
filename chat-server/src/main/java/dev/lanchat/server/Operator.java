package dev.lanchat.server;

import dev.lanchat.protocol.ServerMessage.RoomInfo;
import dev.lanchat.server.netty.NettyChatServer;
import dev.lanchat.server.room.ChatHub;
import dev.lanchat.server.room.Moderation;
import dev.lanchat.server.room.RuleViolation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the server's operator can see and do: each call runs on the chat thread, so it sees and changes the chat
 * exactly as members' requests do, and returns a sentence saying what happened. For callers that are not on the chat
 * thread, such as the operator's console; each call waits a few seconds at most. Thread-safe.
 */
public final class Operator {

    private final NettyChatServer channels;
    private final Instant started;

    Operator(NettyChatServer channels, Instant started) {
        this.channels = channels;
        this.started = started;
    }

    /** A refused operator command: the sentence says why. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }

    @FunctionalInterface
    private interface HubCall<T> {
        T on(ChatHub hub) throws RuleViolation;
    }

    private <T> T call(HubCall<T> action) throws Refused {
        try {
            return channels.onChatThread(() -> action.on(channels.hub()));
        } catch (RuleViolation refused) {
            throw new Refused(refused.getMessage());
        } catch (Exception e) {
            throw new Refused("the server did not answer: " + e.getMessage());
        }
    }

    public List<ChatHub.MemberView> members() throws Refused {
        return call(ChatHub::members);
    }

    public List<RoomInfo> rooms() throws Refused {
        return call(ChatHub::roomList);
    }

    public String say(String text) throws Refused {
        return call(hub -> hub.announce(text));
    }

    public String kick(String nick, String reason) throws Refused {
        return call(hub -> hub.kick(nick, reason));
    }

    /** @param duration how long, or {@code null} until lifted */
    public String ban(String target, Duration duration) throws Refused {
        return call(hub -> hub.ban(target, duration, ""));
    }

    public String unban(String target) throws Refused {
        return call(hub -> hub.unban(target));
    }

    public List<Moderation.Ban> bans() throws Refused {
        return call(ChatHub::bans);
    }

    public String mute(String nick, Duration duration) throws Refused {
        return call(hub -> hub.mute(nick, duration));
    }

    public String unmute(String nick) throws Refused {
        return call(hub -> hub.unmute(nick));
    }

    public String topic(String room, String text) throws Refused {
        return call(hub -> hub.setTopic(room, text));
    }

    /** Figures for {@code stats}. */
    public record Stats(int connections, int members, int rooms, long linesSaid, double linesPerSecond10s,
                        double linesPerSecond1m, int backlog, long heapUsed, long heapMax, long residentBytes,
                        Duration uptime) {
    }

    public Stats stats() throws Refused {
        int members = call(ChatHub::memberCount);
        int rooms = call(hub -> hub.roomList().size());
        long lines = call(ChatHub::linesSaid);
        double lastTen = call(hub -> hub.linesPerSecond(10));
        double lastMinute = call(hub -> hub.linesPerSecond(60));
        Runtime runtime = Runtime.getRuntime();
        return new Stats(channels.openConnections(), members, rooms, lines, lastTen, lastMinute,
                channels.deliveryBacklog(),
                runtime.totalMemory() - runtime.freeMemory(), runtime.maxMemory(), residentBytes(),
                Duration.between(started, Instant.now()));
    }

    /** The process's resident memory from /proc, or -1 where there is no /proc. */
    private static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
