package dev.lanchat.server.console;

import dev.lanchat.protocol.ServerMessage.RoomInfo;
import dev.lanchat.server.Operator;
import dev.lanchat.server.room.ChatHub;
import dev.lanchat.server.room.Durations;
import dev.lanchat.server.room.Moderation;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The operator's commands, one row each: name, argument hint, help line, and what it does. Dispatch, {@code help}
 * and completion come from this table. Each command answers with the text to show. Immutable.
 */
final class OperatorCommands {

    /** What a command does with the text after its name. */
    @FunctionalInterface
    interface Action {
        String run(Operator operator, String args) throws Operator.Refused;
    }

    record Command(String name, String args, String help, Action action) {
    }

    /** The text of {@code shutdown}: the console ends and the server stops, with the given reason. */
    static final String SHUTDOWN = "shutdown";
    static final Duration DEFAULT_MUTE = Duration.ofMinutes(10);

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final Map<String, Command> table;

    OperatorCommands() {
        Map<String, Command> commands = new LinkedHashMap<>();
        for (Command command : List.of(
                new Command("who", "", "Everyone connected: nickname, room, address, since when", (op, a) -> who(op)),
                new Command("rooms", "", "The rooms, with members and topics", (op, a) -> rooms(op)),
                new Command("say", "TEXT", "Announce TEXT to everyone, as the server", (op, a) -> op.say(required(a))),
                new Command("kick", "NICK [REASON]", "Remove a member; the room is told, with the reason",
                        (op, a) -> op.kick(first(a), rest(a))),
                new Command("ban", "NICK|ADDRESS [DURATION]", "Keep an address out (until unbanned, or for a "
                        + "duration such as 30m, 2h, 1d) and remove who is connected from it",
                        (op, a) -> op.ban(first(a), rest(a).isEmpty() ? null : duration(rest(a)))),
                new Command("unban", "NICK|ADDRESS", "Lift a ban", (op, a) -> op.unban(first(a))),
                new Command("bans", "", "The bans in force", (op, a) -> bans(op)),
                new Command("mute", "NICK [DURATION]", "Stop a member sending messages (10m if no duration); it "
                        + "holds across reconnects", (op, a) -> op.mute(first(a),
                        rest(a).isEmpty() ? DEFAULT_MUTE : duration(rest(a)))),
                new Command("unmute", "NICK", "Let a muted member speak again", (op, a) -> op.unmute(first(a))),
                new Command("topic", "ROOM TEXT", "Set a room's topic", (op, a) -> op.topic(first(a), required(rest(a)))),
                new Command("stats", "", "Connections, members, messages a second, memory", (op, a) -> stats(op)),
                new Command(SHUTDOWN, "[REASON]", "Stop the server: everyone is told, with the reason",
                        (op, a) -> SHUTDOWN),
                new Command("help", "", "This list", (op, a) -> null))) {
            commands.put(command.name(), command);
        }
        this.table = Collections.unmodifiableMap(commands);
    }

    Map<String, Command> table() {
        return table;
    }

    /** Runs one line typed at the console; returns what to show, or {@link #SHUTDOWN}. */
    String run(Operator operator, String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty()) {
            return "";
        }
        int space = trimmed.indexOf(' ');
        String name = (space < 0 ? trimmed : trimmed.substring(0, space)).toLowerCase(Locale.ROOT);
        String args = space < 0 ? "" : trimmed.substring(space + 1).strip();
        Command command = table.get(name);
        if (command == null) {
            return "Unknown command '" + name + "'; type help for the list.";
        }
        if (name.equals("help")) {
            return help();
        }
        try {
            return command.action().run(operator, args);
        } catch (Operator.Refused refused) {
            return "Refused: " + refused.getMessage() + ".";
        } catch (IllegalArgumentException badArguments) {
            return badArguments.getMessage() + "; usage: " + name + " " + command.args();
        }
    }

    String help() {
        StringBuilder text = new StringBuilder("Commands:");
        for (Command command : table.values()) {
            String usage = command.args().isEmpty() ? command.name() : command.name() + " " + command.args();
            text.append(String.format("%n  %-30s %s", usage, command.help()));
        }
        return text.toString();
    }

    private static String who(Operator operator) throws Operator.Refused {
        List<ChatHub.MemberView> members = operator.members();
        if (members.isEmpty()) {
            return "No one is connected.";
        }
        StringBuilder text = new StringBuilder(members.size() + (members.size() == 1 ? " member:" : " members:"));
        for (ChatHub.MemberView member : members) {
            text.append(String.format("%n  %-24s %-16s %-39s since %s%s", member.nick(), member.room(),
                    member.address(), CLOCK.format(member.since()),
                    member.status().isEmpty() ? "" : " (" + member.status() + ")"));
        }
        return text.toString();
    }

    private static String rooms(Operator operator) throws Operator.Refused {
        StringBuilder text = new StringBuilder("Rooms:");
        for (RoomInfo room : operator.rooms()) {
            text.append(String.format("%n  %-24s %4d  %s", room.name(), room.members(), room.topic()));
        }
        return text.toString();
    }

    private static String bans(Operator operator) throws Operator.Refused {
        List<Moderation.Ban> bans = operator.bans();
        if (bans.isEmpty()) {
            return "No bans.";
        }
        List<String> lines = new ArrayList<>();
        for (Moderation.Ban ban : bans) {
            lines.add(String.format("  %-39s %-24s %s", ban.address(), ban.nick(),
                    ban.until() == null ? "until lifted" : "until " + ban.until()));
        }
        return "Bans:" + System.lineSeparator() + String.join(System.lineSeparator(), lines);
    }

    private static String stats(Operator operator) throws Operator.Refused {
        Operator.Stats stats = operator.stats();
        return String.format(Locale.ROOT, "Up %s. %d connection(s), %d member(s) in %d room(s).%n"
                        + "Messages: %.1f/s over the last 10 s, %.1f/s over the last minute; %d since the start; "
                        + "%d broadcast(s) waiting to be written.%nMemory: heap %d MiB used of %d MiB; resident %s.",
                Durations.describe(stats.uptime()), stats.connections(), stats.members(), stats.rooms(),
                stats.linesPerSecond10s(), stats.linesPerSecond1m(), stats.linesSaid(), stats.backlog(),
                stats.heapUsed() >> 20, stats.heapMax() >> 20,
                stats.residentBytes() < 0 ? "unknown" : (stats.residentBytes() >> 20) + " MiB");
    }

    private static Duration duration(String text) {
        return Durations.parse(text);
    }

    private static String required(String args) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("missing argument");
        }
        return args;
    }

    private static String first(String args) {
        String required = required(args);
        int space = required.indexOf(' ');
        return space < 0 ? required : required.substring(0, space);
    }

    private static String rest(String args) {
        int space = args.indexOf(' ');
        return space < 0 ? "" : args.substring(space + 1).strip();
    }
}
