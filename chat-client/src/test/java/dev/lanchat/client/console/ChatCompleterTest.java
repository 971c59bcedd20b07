package dev.lanchat.client.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanchat.protocol.ServerMessage;
import dev.lanchat.protocol.ServerMessage.CommandInfo;
import dev.lanchat.protocol.ServerMessage.MemberInfo;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jline.reader.Candidate;
import org.jline.reader.Parser.ParseContext;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.Test;

class ChatCompleterTest {

    private static final Instant T = Instant.parse("2026-11-22T09:05:00Z");

    private final RoomState state = new RoomState();
    private final LocalSettings settings = LocalSettings.inMemory();
    private final ChatCompleter completer;

    ChatCompleterTest() {
        ChatView view = new ChatView(new Renderer(ZoneOffset.UTC, state::nick), settings, state::nick);
        completer = new ChatCompleter(state, new LocalCommands(view, settings, state));
        state.apply(new ServerMessage.Welcome(1, "ada", "lobby", "", "lab", "",
                List.of(new MemberInfo("bob", T), new MemberInfo("cy", T), new MemberInfo("ada", T)),
                List.of(new CommandInfo("msg", "NICK TEXT", "Send a private message")), 16384, "token", false));
    }

    /** The values offered for Tab at the end of {@code typed}. */
    private List<String> complete(String typed) {
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(null, new DefaultParser().parse(typed, typed.length(), ParseContext.COMPLETE), candidates);
        return candidates.stream().map(Candidate::value).collect(Collectors.toList());
    }

    @Test
    void aSlashCompletesTheServersCommandsAndTheClientsOwn() {
        List<String> offered = complete("/");
        assertTrue(offered.containsAll(List.of("/msg", "/ignore", "/unignore", "/quiet", "/clear", "/bell", "/help",
                "/quit")), offered.toString());
    }

    @Test
    void theArgumentOfBellCompletesToItsModes() {
        assertEquals(List.of("off", "mentions", "all"), complete("/bell "));
    }

    @Test
    void theArgumentOfUnignoreCompletesToWhoIsIgnored() throws Exception {
        settings.ignore("cy");
        assertEquals(List.of("cy"), complete("/unignore "));
    }

    @Test
    void elsewhereNicksOfOthersComplete() {
        assertEquals(List.of("bob:", "cy:"), complete("b"));
        assertEquals(List.of("bob", "cy"), complete("/msg "));
        assertEquals(List.of("bob", "cy"), complete("/ignore "));
        assertEquals(List.of("bob", "cy"), complete("hello "));
    }
}
