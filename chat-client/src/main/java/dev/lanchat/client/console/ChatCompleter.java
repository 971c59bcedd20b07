package dev.lanchat.client.console;

import dev.lanchat.protocol.ServerMessage.CommandInfo;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion: command names (the server's, from its welcome, and the client's own) for the first word when it
 * starts with a slash; the argument of a client command that takes one of a few values ({@code /bell}, the nicks of
 * {@code /unignore}); member nicks anywhere else. Reads the current {@link RoomState}, so completion follows joins,
 * departures and renames. Thread-safe.
 */
public final class ChatCompleter implements Completer {

    private final RoomState state;
    private final LocalCommands commands;

    public ChatCompleter(RoomState state, LocalCommands commands) {
        this.state = state;
        this.commands = commands;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words();
        if (line.wordIndex() == 0 && line.word().startsWith("/")) {
            for (CommandInfo command : commands.all()) {
                candidates.add(new Candidate("/" + command.name(), "/" + command.name(), null, command.help(), null,
                        null, true));
            }
            return;
        }
        if (line.wordIndex() == 1 && words.get(0).startsWith("/")) {
            List<String> values = commands.argumentValues(words.get(0).substring(1));
            if (!values.isEmpty()) {
                values.forEach(value -> candidates.add(new Candidate(value, value, null, null, null, null, true)));
                return;
            }
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
}
