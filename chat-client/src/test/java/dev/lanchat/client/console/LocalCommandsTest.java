package dev.lanchat.client.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanchat.protocol.ServerMessage;
import dev.lanchat.protocol.ServerMessage.CommandInfo;
import dev.lanchat.protocol.ServerMessage.MemberInfo;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCommandsTest {

    private static final Instant T = Instant.parse("2026-11-22T09:05:00Z");

    @TempDir
    Path dir;

    private final RoomState state = new RoomState();
    private LocalSettings settings;
    private ChatView view;
    private LocalCommands commands;
    private final Screen console = new Screen();

    @BeforeEach
    void join() {
        settings = LocalSettings.load(dir.resolve("settings"));
        view = new ChatView(new Renderer(ZoneOffset.UTC, state::nick), settings, state::nick);
        commands = new LocalCommands(view, settings, state);
        state.apply(new ServerMessage.Welcome(1, "ada", "lobby", "", "lab", "",
                List.of(new MemberInfo("bob", T), new MemberInfo("ada", T)),
                List.of(new CommandInfo("msg", "NICK TEXT", "Send a private message"),
                        new CommandInfo("help", "", "The server's help"),
                        new CommandInfo("quit", "[REASON]", "Leave"),
                        new CommandInfo("away", "[MESSAGE]", "Say you are away")),
                16384, "token", false));
    }

    /** Runs a command line as the person types it, without its slash. */
    private boolean run(String line) {
        String[] words = line.split(" ", 2);
        return commands.run(words[0], words.length > 1 ? words[1] : "", console);
    }

    @Test
    void serverCommandsAreNotTheClientsToRun() {
        assertFalse(run("msg bob hi"));
        assertFalse(run("away lunch"));
        assertTrue(console.lines.isEmpty());
    }

    @Test
    void ignoreHidesSomeoneAndSaysHowToUndoIt() {
        assertTrue(run("ignore bob"));
        assertTrue(settings.isIgnored("bob"));
        assertTrue(console.last().contains("Ignoring bob") && console.last().contains("/unignore bob"), console.last());
        assertTrue(LocalSettings.load(dir.resolve("settings")).isIgnored("bob"), "kept for the next run");
        run("ignore BOB");
        assertEquals("BOB is ignored already.", console.last());
    }

    @Test
    void ignoreAloneListsWhoIsIgnored() {
        run("ignore");
        assertEquals("You ignore nobody. /ignore NICK hides someone's lines.", console.last());
        run("ignore bob");
        run("ignore cy");
        run("ignore");
        assertEquals("You ignore bob, cy. /unignore NICK shows someone's lines again.", console.last());
    }

    @Test
    void ignoreRefusesWhatCannotBeANickAndOneself() {
        run("ignore bob!");
        assertEquals("error: 'bob!' is not a nickname: 1-24 letters, digits, '_', '-' or '.'.", console.last());
        run("ignore ADA");
        assertEquals("error: You cannot ignore yourself.", console.last());
        assertEquals(List.of(), settings.ignored());
    }

    @Test
    void unignoreShowsSomeoneAgain() {
        run("ignore bob");
        assertTrue(run("unignore Bob"));
        assertFalse(settings.isIgnored("bob"));
        assertEquals("No longer ignoring Bob.", console.last());
        run("unignore bob");
        assertEquals("bob is not ignored.", console.last());
        run("unignore");
        assertEquals("error: usage: /unignore NICK", console.last());
    }

    @Test
    void quietTogglesQuietMode() {
        run("quiet");
        assertTrue(view.quiet());
        assertTrue(console.last().startsWith("Quiet:"), console.last());
        run("quiet");
        assertFalse(view.quiet());
    }

    @Test
    void bellSaysWhenItRingsAndChangesIt() {
        run("bell");
        assertEquals("The bell rings for mentions and private messages. /bell off|mentions|all changes that.",
                console.last());
        run("bell all");
        assertEquals(BellMode.ALL, settings.bell());
        assertEquals("The bell rings for every line from someone else.", console.last());
        assertEquals(BellMode.ALL, LocalSettings.load(dir.resolve("settings")).bell(), "kept for the next run");
        run("bell OFF");
        assertEquals("The bell is off.", console.last());
        run("bell loudly");
        assertEquals("error: usage: /bell off|mentions|all", console.last());
        assertEquals(BellMode.OFF, settings.bell());
    }

    @Test
    void clearAsksTheConsoleToClearItsScreen() {
        run("clear");
        assertEquals(1, console.clears);
        console.canClear = false;
        run("clear");
        assertEquals("There is no screen to clear here.", console.last());
    }

    @Test
    void helpListsTheServersCommandsAndTheClientsOwn() {
        run("help");
        String help = console.last();
        for (String usage : List.of("/msg NICK TEXT", "/away [MESSAGE]", "/ignore [NICK]", "/unignore NICK", "/quiet",
                "/clear", "/bell [off|mentions|all]", "/quit [REASON]", "/help")) {
            assertTrue(help.contains("\n  " + usage + " "), usage + " missing from:\n" + help);
        }
        assertFalse(help.contains("The server's help"), "the client's own /help replaces the server's");
        assertTrue(help.contains("(now: mentions)") && help.contains("(now: off)"), help);
        assertTrue(help.contains("Alt-Enter"), help);
    }

    @Test
    void everyCommandIsListedOnceForCompletion() {
        List<String> names = commands.all().stream().map(CommandInfo::name).collect(Collectors.toList());
        assertEquals(List.of("msg", "quit", "away", "help", "ignore", "unignore", "quiet", "clear", "bell"), names);
    }

    @Test
    void argumentsCompleteFromWhatTheyCanBe() {
        run("ignore cy");
        assertEquals(List.of("off", "mentions", "all"), commands.argumentValues("bell"));
        assertEquals(List.of("cy"), commands.argumentValues("unignore"));
        assertEquals(List.of("bob"), commands.argumentValues("ignore"), "members other than oneself");
        assertEquals(List.of(), commands.argumentValues("msg"));
    }

    /** A console that keeps what it is told. */
    private static final class Screen implements Console {
        final List<String> lines = new ArrayList<>();
        boolean canClear = true;
        int clears;

        String last() {
            return lines.get(lines.size() - 1);
        }

        @Override
        public String readLine() {
            return null;
        }

        @Override
        public String ask(String question, String fallback) {
            return null;
        }

        @Override
        public String askSecret(String question) {
            return null;
        }

        @Override
        public void show(ServerMessage message) {
            lines.add(message.toString());
        }

        @Override
        public void info(String text) {
            lines.add(text);
        }

        @Override
        public void error(String text) {
            lines.add("error: " + text);
        }

        @Override
        public boolean clearScreen() {
            clears += canClear ? 1 : 0;
            return canClear;
        }

        @Override
        public void stop() {
        }

        @Override
        public boolean interactive() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
