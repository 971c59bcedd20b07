package dev.lanchat.client.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanchat.protocol.LeaveReason;
import dev.lanchat.protocol.ServerMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChatViewTest {

    private static final Instant NOW = Instant.parse("2026-11-22T09:05:00Z");
    private static final Instant YESTERDAY = Instant.parse("2026-11-21T18:00:00Z");

    private final LocalSettings settings = LocalSettings.inMemory();
    private String me = "ada";
    private final ChatView view = new ChatView(new Renderer(Clock.fixed(NOW, ZoneOffset.UTC), () -> me), settings,
            () -> me);

    private Optional<String> shown(ServerMessage message) {
        return view.show(message, 0).map(ChatView.Shown::plain);
    }

    private boolean rings(ServerMessage message) {
        return view.show(message, 0).map(ChatView.Shown::bell).orElse(false);
    }

    private static ServerMessage.Chat chat(String from, String text) {
        return new ServerMessage.Chat("lobby", from, NOW, text, false);
    }

    @Test
    void linesFromAnIgnoredNickAreHiddenAndOthersAreNot() throws Exception {
        settings.ignore("Bob");
        assertEquals(Optional.empty(), shown(chat("bob", "spam")));
        assertEquals(Optional.empty(), shown(new ServerMessage.Chat("lobby", "bob", NOW, "spams", true)));
        assertEquals(Optional.empty(), shown(new ServerMessage.PrivateChat("bob", "ada", NOW, "psst")));
        assertEquals(Optional.of("09:05 <cy> hello"), shown(chat("cy", "hello")));
        assertEquals(Optional.of("09:05 [you -> bob] stop it"),
                shown(new ServerMessage.PrivateChat("ada", "bob", NOW, "stop it")), "one's own message is shown");
        assertTrue(shown(new ServerMessage.Joined("lobby", "bob", NOW)).isPresent(), "only lines are hidden");
    }

    @Test
    void ignoredLinesAreTakenOutOfHistory() throws Exception {
        settings.ignore("bob");
        List<ServerMessage.Chat> lines = List.of(chat("bob", "one"), chat("cy", "two"), chat("bob", "three"));
        String history = shown(new ServerMessage.History("lobby", lines, false, false)).orElseThrow();
        assertFalse(history.contains("<bob>"), history);
        assertTrue(history.contains("09:05 <cy> two"), history);
        assertEquals(Optional.empty(), shown(new ServerMessage.History("lobby", List.of(chat("bob", "x")), true,
                false)), "a history of nothing but ignored lines is not shown at all");
    }

    @Test
    void anIgnoredNickStaysIgnoredAfterARename() throws Exception {
        settings.ignore("bob");
        shown(new ServerMessage.NickChanged("bob", "bobby", NOW));
        assertEquals(Optional.empty(), shown(chat("bobby", "back again")));
        assertTrue(settings.isIgnored("bobby"));
    }

    @Test
    void ignoredLinesNeitherRingNorCount() throws Exception {
        settings.ignore("bob");
        assertFalse(rings(chat("bob", "ada! ada!")));
        assertEquals(0, view.unread());
    }

    @Test
    void quietModeHidesComingsAndGoingsButNotChat() {
        assertTrue(view.toggleQuiet());
        assertEquals(Optional.empty(), shown(new ServerMessage.Joined("lobby", "cy", NOW)));
        assertEquals(Optional.empty(), shown(new ServerMessage.Joined("lobby", "cy", NOW, true)));
        assertEquals(Optional.empty(),
                shown(new ServerMessage.Left("lobby", List.of("cy"), LeaveReason.QUIT, "", NOW)));
        assertEquals(Optional.empty(), shown(new ServerMessage.NickChanged("cy", "cyd", NOW)));
        assertEquals(Optional.of("09:05 <cy> still here"), shown(chat("cy", "still here")));
        assertEquals(Optional.of("09:05 -!- maintenance at noon"),
                shown(new ServerMessage.Notice("maintenance at noon", NOW)));
        me = "adele";
        assertEquals(Optional.of("09:05 -- ada is now known as adele"),
                shown(new ServerMessage.NickChanged("ada", "adele", NOW)), "one's own rename answers one's /nick");
        assertFalse(view.toggleQuiet());
        assertTrue(shown(new ServerMessage.Joined("lobby", "dan", NOW)).isPresent());
    }

    static Stream<Arguments> bellPolicy() {
        ServerMessage mention = chat("bob", "ada: lunch?");
        ServerMessage privateMessage = new ServerMessage.PrivateChat("bob", "ada", NOW, "psst");
        ServerMessage plain = chat("bob", "hello all");
        ServerMessage own = chat("ada", "ada here, mentioning myself");
        ServerMessage joined = new ServerMessage.Joined("lobby", "cy", NOW);
        return Stream.of(
                Arguments.of(BellMode.MENTIONS, mention, true), Arguments.of(BellMode.MENTIONS, privateMessage, true),
                Arguments.of(BellMode.MENTIONS, plain, false), Arguments.of(BellMode.MENTIONS, own, false),
                Arguments.of(BellMode.ALL, mention, true), Arguments.of(BellMode.ALL, plain, true),
                Arguments.of(BellMode.ALL, own, false), Arguments.of(BellMode.ALL, joined, false),
                Arguments.of(BellMode.OFF, mention, false), Arguments.of(BellMode.OFF, privateMessage, false));
    }

    @ParameterizedTest(name = "bell {0}: {1} rings: {2}")
    @MethodSource("bellPolicy")
    void theBellRingsAsItsModeSays(BellMode mode, ServerMessage message, boolean ring) throws Exception {
        settings.bell(mode);
        assertEquals(ring, rings(message));
    }

    @Test
    void historyNeverRings() throws Exception {
        settings.bell(BellMode.ALL);
        assertFalse(rings(new ServerMessage.History("lobby", List.of(chat("bob", "ada?")), true, false)));
    }

    @Test
    void mentionsAndPrivateMessagesCountUntilThePersonTypes() {
        shown(chat("bob", "ada: lunch?"));
        shown(chat("bob", "hello all"));
        shown(new ServerMessage.PrivateChat("cy", "ada", NOW, "psst"));
        shown(new ServerMessage.PrivateChat("ada", "cy", NOW, "ok"));
        assertEquals(2, view.unread());
        view.typed();
        assertEquals(0, view.unread());
    }

    @Test
    void mentionsMissedWhileAwayCountAsUnread() {
        shown(new ServerMessage.History("lobby", List.of(chat("bob", "ada?"), chat("cy", "hm"), chat("cy", "ADA!")),
                true, false));
        assertEquals(2, view.unread());
        shown(new ServerMessage.History("lobby", List.of(chat("bob", "ada, old news")), false, false));
        assertEquals(2, view.unread(), "history seen before does not count");
    }

    @Test
    void aDateLineSeparatesEventsOfDifferentDays() {
        assertEquals(Optional.of("───── Saturday 21 November 2026 ─────\n18:00 <bob> evening"),
                shown(new ServerMessage.Chat("lobby", "bob", YESTERDAY, "evening", false)));
        assertEquals(Optional.of("18:00 <bob> still evening"),
                shown(new ServerMessage.Chat("lobby", "bob", YESTERDAY, "still evening", false)));
        assertEquals("───── Sunday 22 November 2026 ─────\n09:05 -- back today", view.info("back today", 0).plain());
        assertEquals("09:05 -- and again", view.info("and again", 0).plain());
    }

    @Test
    void theFirstEventOfTodayNeedsNoDateLine() {
        assertEquals(Optional.of("09:05 <bob> morning"), shown(chat("bob", "morning")));
    }

    @Test
    void linesWrapToTheWidthGiven() {
        String wrapped = view.show(chat("bob", "a message long enough to need a second row"), 30).orElseThrow()
                .plain();
        assertEquals("09:05 <bob> a message long\n            enough to need a\n            second row", wrapped);
    }
}
