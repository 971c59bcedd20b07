package dev.lanchat.client.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanchat.protocol.ErrorCode;
import dev.lanchat.protocol.LeaveReason;
import dev.lanchat.protocol.ServerMessage;
import dev.lanchat.protocol.ServerMessage.MemberInfo;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

class RendererTest {

    /** 12:30 UTC, which is 13:30 in Paris in November. */
    private static final Instant T = Instant.parse("2026-11-22T12:30:15Z");

    private final Renderer renderer = new Renderer(ZoneId.of("Europe/Paris"), () -> "ada");

    private String plain(ServerMessage message) {
        return renderer.render(message).plain();
    }

    @Test
    void chatLineShowsLocalTimeNickAndText() {
        assertEquals("13:30 <bob> hello there", plain(new ServerMessage.Chat("lobby", "bob", T, "hello there", false)));
    }

    @Test
    void timestampsFollowTheGivenZone() {
        Renderer tokyo = new Renderer(ZoneId.of("Asia/Tokyo"), () -> "ada");
        assertEquals("21:30 <bob> hi", tokyo.render(new ServerMessage.Chat("lobby", "bob", T, "hi", false)).plain());
    }

    @Test
    void actionLineIsDistinct() {
        assertEquals("13:30 * bob waves", plain(new ServerMessage.Chat("lobby", "bob", T, "waves", true)));
    }

    @Test
    void multiLineMessageIsIndentedUnderItsFirstLine() {
        assertEquals("13:30 <bob> first\n            second\n            third",
                plain(new ServerMessage.Chat("lobby", "bob", T, "first\nsecond\nthird", false)));
    }

    @Test
    void privateMessagesShowTheirDirection() {
        assertEquals("13:30 [bob -> you] psst", plain(new ServerMessage.PrivateChat("bob", "ada", T, "psst")));
        assertEquals("13:30 [you -> bob] ok", plain(new ServerMessage.PrivateChat("ada", "bob", T, "ok")));
    }

    @Test
    void incomingPrivateMessageAlertsButOwnDoesNot() {
        assertTrue(renderer.render(new ServerMessage.PrivateChat("bob", "ada", T, "psst")).alert());
        assertFalse(renderer.render(new ServerMessage.PrivateChat("ada", "bob", T, "ok")).alert());
    }

    @Test
    void arrivalsAndDeparturesReadNaturally() {
        assertEquals("13:30 --> cy joined lobby", plain(new ServerMessage.Joined("lobby", "cy", T)));
        assertEquals("13:30 <-- cy left (quit: see you)",
                plain(new ServerMessage.Left("lobby", List.of("cy"), LeaveReason.QUIT, "see you", T)));
        assertEquals("13:30 <-- cy left (connection lost)",
                plain(new ServerMessage.Left("lobby", List.of("cy"), LeaveReason.LOST, "", T)));
        assertEquals("13:30 <-- cy and dan left (ping timeout)",
                plain(new ServerMessage.Left("lobby", List.of("cy", "dan"), LeaveReason.TIMEOUT, "", T)));
        assertEquals("13:30 <-- a, b, c, d, e and 2 others left (connection lost)",
                plain(new ServerMessage.Left("lobby", List.of("a", "b", "c", "d", "e", "f", "g"), LeaveReason.LOST,
                        "", T)));
    }

    @Test
    void aLeaveReasonFromANewerServerIsShownByItsName() {
        assertEquals("13:30 <-- cy left (abducted)",
                plain(new ServerMessage.Left("lobby", List.of("cy"), "abducted", "", T)));
    }

    @Test
    void nickChangeAndMemberListAreShown() {
        assertEquals("13:30 -- bob is now known as bobby", plain(new ServerMessage.NickChanged("bob", "bobby", T)));
        String members = plain(new ServerMessage.Members("lobby", List.of(new MemberInfo("ada", T),
                new MemberInfo("bob", T.plusSeconds(3600)))));
        assertTrue(members.endsWith("-- 2 people in lobby: ada (since 13:30), bob (since 14:30)"), members);
    }

    @Test
    void errorsAndNoticesAreMarked() {
        assertTrue(plain(new ServerMessage.Error(ErrorCode.NICK_TAKEN, "the nickname 'x' is taken"))
                .endsWith("!! the nickname 'x' is taken"));
        assertEquals("13:30 -!- line one\n          line two", plain(new ServerMessage.Notice("line one\nline two", T)));
    }

    @Test
    void welcomeNamesTheServerTheRoomAndWhoIsThere() {
        String welcome = plain(new ServerMessage.Welcome(1, "ada", "lobby", "", "lab", "Be kind.",
                List.of(new MemberInfo("bob", T), new MemberInfo("ada", T)), List.of(), 16384, "token", false));
        assertTrue(welcome.contains("Welcome to lab, ada! 2 people in lobby: bob, ada"), welcome);
        assertTrue(welcome.contains("-!- Be kind."), welcome);
    }

    @Test
    void historyIsFramedByMarkersAndUnreadMessagesAreCounted() {
        List<ServerMessage.Chat> lines = List.of(new ServerMessage.Chat("lobby", 1, "bob", T, "first", false),
                new ServerMessage.Chat("lobby", 2, "cy", T, "waves", true));
        assertEquals("───── earlier in lobby (/history shows more) ─────\n13:30 <bob> first\n13:30 * cy waves\n"
                + "───── now ─────", plain(new ServerMessage.History("lobby", lines, false, true)));
        assertEquals("───── 2 unread messages while you were away ─────\n13:30 <bob> first\n13:30 * cy waves\n"
                + "───── end of unread ─────", plain(new ServerMessage.History("lobby", lines, true, false)));
    }

    @Test
    void roomsTopicsAndReturnsAreShown() {
        assertEquals("13:30 --> bob reconnected", plain(new ServerMessage.Joined("lobby", "bob", T, true)));
        assertEquals("13:30 <-- bob left lobby for another room",
                plain(new ServerMessage.Left("lobby", List.of("bob"), LeaveReason.PART, "", T)));
        assertEquals("13:30 -- ada set the topic of games: Friday night",
                plain(new ServerMessage.TopicChanged("games", "Friday night", "ada", T)));
        String rooms = plain(new ServerMessage.Rooms(List.of(new ServerMessage.RoomInfo("lobby", 3, ""),
                new ServerMessage.RoomInfo("games", 1, "Friday night"))));
        assertTrue(rooms.contains("lobby  3 people"), rooms);
        assertTrue(rooms.contains("games  1 person  Friday night"), rooms);
        String members = plain(new ServerMessage.Members("lobby", List.of(new MemberInfo("bob", T, "reconnecting"))));
        assertTrue(members.contains("bob (reconnecting) (since 13:30)"), members);
    }

    @Test
    void awayMembersShowTheirMessageAndRemovalsSayWhoDidIt() {
        String members = plain(new ServerMessage.Members("lobby", List.of(new MemberInfo("bob", T, "away",
                "at lunch"), new MemberInfo("cy", T, "away", ""))));
        assertTrue(members.contains("bob (away: at lunch) (since 13:30), cy (away) (since 13:30)"), members);
        assertEquals("13:30 <-- bob was removed by the operator: flooding",
                plain(new ServerMessage.Left("lobby", List.of("bob"), LeaveReason.KICKED, "flooding", T)));
        assertEquals("13:30 <-- bob and cy were removed by the operator",
                plain(new ServerMessage.Left("lobby", List.of("bob", "cy"), LeaveReason.KICKED, "", T)));
    }

    @Test
    void aMentionOfOwnNickIsHighlightedAndAlerts() {
        Rendered rendered = renderer.render(new ServerMessage.Chat("lobby", "bob", T, "hey Ada, look", false));
        assertTrue(rendered.alert());
        AttributedString text = rendered.text();
        int at = text.toString().indexOf("Ada");
        assertEquals(AttributedStyle.BOLD.inverse(), text.styleAt(at), "the mention is not highlighted");
        assertNotEquals(AttributedStyle.BOLD.inverse(), text.styleAt(at - 2));
    }

    @Test
    void aNickInsideAnotherWordIsNoMention() {
        assertFalse(renderer.render(new ServerMessage.Chat("lobby", "bob", T, "adamant about it", false)).alert());
        assertFalse(renderer.render(new ServerMessage.Chat("lobby", "ada", T, "I am ada", false)).alert(),
                "one's own line is not a mention");
    }

    @Test
    void eachNickKeepsOneColourAndNicksDiffer() {
        AttributedString first = renderer.render(new ServerMessage.Chat("lobby", "bob", T, "a", false)).text();
        AttributedString second = renderer.render(new ServerMessage.Chat("lobby", "bob", T, "b", false)).text();
        int nickAt = first.toString().indexOf("bob");
        assertEquals(first.styleAt(nickAt), second.styleAt(nickAt));
        assertNotEquals(NickColors.colorOf("bob"), NickColors.colorOf("cy"));
    }

    @Test
    void controlCharactersFromTheNetworkNeverReachTheTerminal() {
        String hostile = "hi\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202eevil";
        String shown = plain(new ServerMessage.Chat("lobby", "evil\u001b[1m", T, hostile, false));
        assertTrue(shown.chars().noneMatch(c -> c == 0x1b || c == 0x07 || c == 0x9b || c == 0x202e), shown);
        assertTrue(shown.contains("^[]0;pwned^G^[[2J"), shown);
    }

    /** The renderer at {@link #T}, in Paris. */
    private final Renderer atT = new Renderer(Clock.fixed(T, ZoneId.of("Europe/Paris")), () -> "ada");
    private static final LocalDate SATURDAY = LocalDate.of(2026, 11, 21);
    private static final LocalDate SUNDAY = LocalDate.of(2026, 11, 22);

    @Test
    void longLinesWrapWithTheirContinuationRowsUnderTheText() {
        String text = "this line is too long for a terminal of forty columns, so it wraps";
        assertEquals("13:30 <bob> this line is too long for a\n"
                + "            terminal of forty columns,\n"
                + "            so it wraps",
                atT.render(new ServerMessage.Chat("lobby", "bob", T, text, false), new Page(39, SUNDAY)).plain());
    }

    @Test
    void eachLineOfAMultiLineMessageWrapsOnItsOwn() {
        String text = "short\na second line that is much longer than the width";
        assertEquals("13:30 <bob> short\n"
                + "            a second line that is much\n"
                + "            longer than the width",
                atT.render(new ServerMessage.Chat("lobby", "bob", T, text, false), new Page(39, SUNDAY)).plain());
    }

    @Test
    void aTwoColumnListWrapsUnderItsSecondColumn() {
        String help = "Commands:\n  /who    List the members of the room and since when they are here\n  /me ACTION  Act";
        assertEquals("13:30 -!- Commands:\n"
                + "            /who    List the members of the room\n"
                + "                    and since when they are here\n"
                + "            /me ACTION  Act",
                atT.render(new ServerMessage.Notice(help, T), new Page(50, SUNDAY)).plain());
    }

    @Test
    void continuationLinesLineUpUnderAWideNickByDisplayColumns() {
        // <太郎> takes six columns but four chars: the indent counts columns.
        String shown = atT.render(new ServerMessage.Chat("lobby", "太郎", T, "一行目\n二行目", false)).plain();
        assertEquals("13:30 <太郎> 一行目\n" + " ".repeat(13) + "二行目", shown);
    }

    @Test
    void emojiInTextWrapByTheColumnsTheyTake() {
        String text = "☕☕☕☕☕☕☕☕☕☕☕☕☕☕ 😀😀😀";
        String shown = atT.render(new ServerMessage.Chat("lobby", "bob", T, text, false), new Page(39, SUNDAY)).plain();
        assertEquals("13:30 <bob> ☕☕☕☕☕☕☕☕☕☕☕☕☕\n            ☕ 😀😀😀", shown);
    }

    @Test
    void aLineFromAnotherDayComesAfterADateLine() {
        Rendered rendered = atT.render(new ServerMessage.Chat("lobby", "bob", T, "morning", false),
                new Page(0, SATURDAY));
        assertEquals("───── Sunday 22 November 2026 ─────\n13:30 <bob> morning", rendered.plain());
        assertEquals(SUNDAY, rendered.day());
        assertEquals("13:30 <bob> again",
                atT.render(new ServerMessage.Chat("lobby", "bob", T, "again", false), new Page(0, SUNDAY)).plain(),
                "no date line within a day");
    }

    @Test
    void theDayFollowsTheLocalTimeZone() {
        Instant lateSaturdayInLondon = Instant.parse("2026-11-21T23:30:00Z"); // 00:30 on Sunday in Paris
        assertEquals("───── Sunday 22 November 2026 ─────\n00:30 <bob> late",
                atT.render(new ServerMessage.Chat("lobby", "bob", lateSaturdayInLondon, "late", false),
                        new Page(0, SATURDAY)).plain());
    }

    @Test
    void historyFromEarlierDaysShowsItsDates() {
        Instant friday = Instant.parse("2026-11-20T17:00:00Z");
        Instant saturday = Instant.parse("2026-11-21T10:00:00Z");
        List<ServerMessage.Chat> lines = List.of(new ServerMessage.Chat("lobby", 1, "bob", friday, "weekend!", false),
                new ServerMessage.Chat("lobby", 2, "cy", friday, "yes", false),
                new ServerMessage.Chat("lobby", 3, "bob", saturday, "anyone?", false),
                new ServerMessage.Chat("lobby", 4, "cy", T, "here", false));
        Rendered rendered = atT.render(new ServerMessage.History("lobby", lines, false, false), new Page(0, SUNDAY));
        assertEquals("───── earlier in lobby ─────\n"
                + "───── Friday 20 November 2026 ─────\n"
                + "18:00 <bob> weekend!\n"
                + "18:00 <cy> yes\n"
                + "───── Saturday 21 November 2026 ─────\n"
                + "11:00 <bob> anyone?\n"
                + "───── Sunday 22 November 2026 ─────\n"
                + "13:30 <cy> here\n"
                + "───── now ─────", rendered.plain());
        assertEquals(SUNDAY, rendered.day());
    }

    @Test
    void eventsTheServerDoesNotStampTakeTheTimeOfTheClock() {
        assertEquals("13:30 -- connecting", atT.info("connecting").plain());
        assertEquals("13:30 !! oops", atT.error("oops").plain());
        assertEquals(SUNDAY, atT.info("x").day());
    }
}
