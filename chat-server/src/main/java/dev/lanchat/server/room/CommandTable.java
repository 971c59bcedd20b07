package dev.lanchat.server.room;

import dev.lanchat.protocol.ErrorCode;
import dev.lanchat.protocol.ServerMessage.CommandInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The commands members can type, one row each: name, argument hint, help line, and what it does. Dispatch,
 * {@code /help} and the list clients use for completion all come from this table. Immutable.
 */
public final class CommandTable {

    /** What a command does, given the hub, the member that typed it, and the text after its name. */
    @FunctionalInterface
    interface Action {
        void run(ChatHub hub, Member member, String args) throws RuleViolation;
    }

    /** One row of the table. */
    record Command(String name, String args, String help, Action action) {
        CommandInfo info() {
            return new CommandInfo(name, args, help);
        }
    }

    private final Map<String, Command> byName;

    private CommandTable(List<Command> commands) {
        Map<String, Command> table = new LinkedHashMap<>();
        for (Command command : commands) {
            table.put(command.name(), command);
        }
        this.byName = Collections.unmodifiableMap(table);
    }

    /** The commands every member has. */
    static CommandTable standard() {
        return new CommandTable(List.of(
                new Command("msg", "NICK TEXT", "Send a private message that only NICK sees",
                        ChatHub::privateMessage),
                new Command("me", "ACTION", "Say what you are doing, as in '* ada waves'", ChatHub::action),
                new Command("nick", "NEW", "Change your nickname", (hub, member, args) -> hub.changeNick(member, args)),
                new Command("who", "", "List the members of the room and since when they are here",
                        (hub, member, args) -> hub.who(member)),
                new Command("join", "ROOM", "Move to ROOM, creating it if it does not exist", ChatHub::join),
                new Command("rooms", "", "List the rooms, with their members and topics",
                        (hub, member, args) -> hub.listRooms(member)),
                new Command("topic", "[TEXT]", "Show the room's topic, or set it to TEXT", ChatHub::topic),
                new Command("history", "[N]", "Show N older messages of the room (20 if N is left out)",
                        ChatHub::history),
                new Command("away", "[MESSAGE]", "Mark yourself away; whoever messages you sees MESSAGE",
                        ChatHub::away),
                new Command("back", "", "Clear your away mark", (hub, member, args) -> hub.back(member)),
                new Command("help", "", "List the commands", (hub, member, args) -> hub.help(member)),
                new Command("quit", "[REASON]", "Leave the chat", ChatHub::quit)));
    }

    /** Runs the command {@code name} (without its slash) for {@code member}. */
    void dispatch(ChatHub hub, Member member, String name, String args) throws RuleViolation {
        Command command = byName.get(name.toLowerCase(Locale.ROOT));
        if (command == null) {
            throw new RuleViolation(ErrorCode.UNKNOWN_COMMAND,
                    "unknown command /" + name + "; type /help for the list");
        }
        command.action().run(hub, member, args.strip());
    }

    /** The table as sent to clients in the welcome. */
    List<CommandInfo> infos() {
        List<CommandInfo> infos = new ArrayList<>(byName.size());
        for (Command command : byName.values()) {
            infos.add(command.info());
        }
        return infos;
    }

    /** The {@code /help} text: one line per command. */
    String helpText() {
        int width = 0;
        for (Command command : byName.values()) {
            width = Math.max(width, usage(command).length());
        }
        StringBuilder text = new StringBuilder("Commands:");
        for (Command command : byName.values()) {
            String usage = usage(command);
            text.append("\n  ").append(usage).append(" ".repeat(width - usage.length() + 2)).append(command.help());
        }
        return text.toString();
    }

    /** How {@code name} is used, as in {@code /msg NICK TEXT}. */
    String usageOf(String name) {
        Command command = byName.get(name);
        return command == null ? "/" + name : usage(command);
    }

    private static String usage(Command command) {
        return command.args().isEmpty() ? "/" + command.name() : "/" + command.name() + " " + command.args();
    }
}
