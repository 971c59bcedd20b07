package dev.lanchat.client.console;

import dev.lanchat.protocol.ServerMessage.CommandInfo;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion: command names (the server's, from its welcome, and the client's own) for the first word when it
 * starts with a slash, member nicks anywhere else. Reads the current {@link RoomState}, so completion follows joins,
 * departures and renames. Thread-safe.
 */
public final class ChatCompleter implements Completer {

    /** Commands the client handles itself, shown beside the server's. */
    static final List<CommandInfo> LOCAL_COMMANDS = List.of(
            new CommandInfo("help", "", "List the commands"),
            new CommandInfo("quit", "[REASON]", "Leave the chat (typing just 'quit' works too)"));

    private final RoomState state;

    public ChatCompleter(RoomState state) {
        this.state = state;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        if (line.wordIndex() == 0 && line.word().startsWith("/")) {
            for (CommandInfo command : commandsForHelp()) {
                candidates.add(new Candidate("/" + command.name(), "/" + command.name(), null, command.help(), null,
                        null, true));
            }
            return;
        }
        boolean startOfLine = line.wordIndex() == 0;
        for (String nick : state.members()) {
            if (!nick.equals(state.nick())) {
                // A nick at the start of a line addresses someone, as in "ada: hi".
                String value = startOfLine ? nick + ":" : nick;
                candidates.add(new Candidate(value, nick, null, null, null, null, true));
            }
        }
    }

    /** Every command a user can type: the server's table plus the client's own, without duplicates. */
    public List<CommandInfo> commandsForHelp() {
        List<CommandInfo> all = new java.util.ArrayList<>(state.commands());
        for (CommandInfo local : LOCAL_COMMANDS) {
            if (all.stream().noneMatch(c -> c.name().equals(local.name()))) {
                all.add(local);
            }
        }
        return all;
    }
}
