package dev.lanchat.client.console;

import dev.lanchat.protocol.LeaveReason;
import dev.lanchat.protocol.ServerMessage.MemberInfo;
import dev.lanchat.protocol.ServerMessage;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Turns a server message into the line a person sees: local time, then a form distinct per kind (chat, action,
 * private message, arrivals and departures, notices, errors), every nick in its own colour, the user's own nick
 * highlighted where someone mentions it. All text from the network passes through {@link Sanitizer}. Continuation
 * lines of a multi-line message are indented under its first line.
 *
 * <p>A pure function of the message, the time zone and the user's nick: it touches no terminal, so it is tested
 * directly. Thread-safe.
 */
public final class Renderer {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final AttributedStyle TIME = AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT);
    private static final AttributedStyle SYSTEM = AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT);
    private static final AttributedStyle NOTICE = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
    private static final AttributedStyle ERROR = AttributedStyle.BOLD.foreground(AttributedStyle.RED);
    private static final AttributedStyle PRIVATE = AttributedStyle.BOLD.foreground(AttributedStyle.MAGENTA);
    private static final AttributedStyle MENTION = AttributedStyle.BOLD.inverse();
    private static final AttributedStyle ROOM = AttributedStyle.BOLD.foreground(AttributedStyle.CYAN);
    private static final AttributedStyle MARKER = AttributedStyle.DEFAULT.foreground(AttributedStyle.BLUE | AttributedStyle.BRIGHT);

    private final ZoneId zone;
    private final Supplier<String> ownNick;

    /**
     * @param zone    the zone timestamps are shown in; the user's own by default
     * @param ownNick the user's current nickname, for highlighting and telling own lines apart
     */
    public Renderer(ZoneId zone, Supplier<String> ownNick) {
        this.zone = zone;
        this.ownNick = ownNick;
    }

    /** The line for one message. */
    public Rendered render(ServerMessage message) {
        if (message instanceof ServerMessage.Chat) {
            return chat((ServerMessage.Chat) message);
        }
        if (message instanceof ServerMessage.PrivateChat) {
            return privateChat((ServerMessage.PrivateChat) message);
        }
        if (message instanceof ServerMessage.Joined) {
            ServerMessage.Joined joined = (ServerMessage.Joined) message;
            return plain(line(joined.time()).styled(SYSTEM, "--> ").append(nick(joined.nick()))
                    .styled(SYSTEM, joined.resumed() ? " reconnected" : " joined " + clean(joined.room())));
        }
        if (message instanceof ServerMessage.History) {
            return history((ServerMessage.History) message);
        }
        if (message instanceof ServerMessage.Entered) {
            ServerMessage.Entered entered = (ServerMessage.Entered) message;
            AttributedStringBuilder out = line(Instant.now()).styled(SYSTEM, "-- You are in ")
                    .styled(ROOM, clean(entered.room())).styled(SYSTEM, " now. ");
            AttributedStringBuilder full = new AttributedStringBuilder()
                    .append(memberList(out, entered.room(), entered.members(), false));
            if (!entered.topic().isEmpty()) {
                full.append("\n").append(line(Instant.now()).styled(NOTICE, "-!- Topic: " + clean(entered.topic())));
            }
            return plain(full.toAttributedString());
        }
        if (message instanceof ServerMessage.Rooms) {
            return rooms((ServerMessage.Rooms) message);
        }
        if (message instanceof ServerMessage.TopicChanged) {
            ServerMessage.TopicChanged change = (ServerMessage.TopicChanged) message;
            return plain(line(change.time()).styled(SYSTEM, "-- ").append(nick(change.by()))
                    .styled(SYSTEM, " set the topic of " + clean(change.room()) + ": ")
                    .styled(NOTICE, clean(change.topic())));
        }
        if (message instanceof ServerMessage.Left) {
            return left((ServerMessage.Left) message);
        }
        if (message instanceof ServerMessage.NickChanged) {
            ServerMessage.NickChanged change = (ServerMessage.NickChanged) message;
            return plain(line(change.time()).styled(SYSTEM, "-- ").append(nick(change.oldNick()))
                    .styled(SYSTEM, " is now known as ").append(nick(change.newNick())));
        }
        if (message instanceof ServerMessage.Members) {
            ServerMessage.Members members = (ServerMessage.Members) message;
            return plain(memberList(line(Instant.now()).styled(SYSTEM, "-- "), members.room(), members.members(), true));
        }
        if (message instanceof ServerMessage.Notice) {
            ServerMessage.Notice notice = (ServerMessage.Notice) message;
            return plain(multiline(line(notice.time()).styled(NOTICE, "-!- "), notice.text(), NOTICE));
        }
        if (message instanceof ServerMessage.Error) {
            return plain(error(((ServerMessage.Error) message).text()).text());
        }
        if (message instanceof ServerMessage.Bye) {
            ServerMessage.Bye bye = (ServerMessage.Bye) message;
            AttributedStyle style = LeaveReason.QUIT.wireName().equals(bye.reason()) ? SYSTEM : NOTICE;
            return plain(line(Instant.now()).styled(style, "-!- " + clean(bye.text())));
        }
        if (message instanceof ServerMessage.Welcome) {
            return welcome((ServerMessage.Welcome) message);
        }
        return plain(line(Instant.now()).styled(SYSTEM, "-- " + message.getClass().getSimpleName()));
    }

    /** A message from the client itself, such as "connecting". */
    public Rendered info(String text) {
        return plain(multiline(line(Instant.now()).styled(SYSTEM, "-- "), text, SYSTEM));
    }

    /** A problem the client itself reports. */
    public Rendered error(String text) {
        return plain(multiline(line(Instant.now()).styled(ERROR, "!! "), text, ERROR));
    }

    private Rendered chat(ServerMessage.Chat chat) {
        String me = ownNick.get();
        boolean own = chat.from().equals(me);
        AttributedStringBuilder out = line(chat.time());
        AttributedStyle nickStyle = NickColors.styleOf(chat.from());
        if (own) {
            nickStyle = nickStyle.bold();
        }
        if (chat.action()) {
            out.styled(nickStyle, "* " + clean(chat.from())).append(" ");
        } else {
            out.append("<").styled(nickStyle, clean(chat.from())).append("> ");
        }
        boolean mentioned = !own && mentions(chat.text(), me);
        AttributedStyle textStyle = chat.action() ? AttributedStyle.DEFAULT.italic() : AttributedStyle.DEFAULT;
        return new Rendered(body(out, chat.text(), textStyle, mentioned ? me : null), mentioned);
    }

    private Rendered privateChat(ServerMessage.PrivateChat pm) {
        String me = ownNick.get();
        boolean incoming = !pm.from().equals(me);
        AttributedStringBuilder out = line(pm.time()).styled(PRIVATE, "[");
        if (pm.from().equals(me)) {
            out.styled(PRIVATE, "you -> ").append(nick(pm.to()));
        } else {
            out.append(nick(pm.from())).styled(PRIVATE, " -> you");
        }
        out.styled(PRIVATE, "] ");
        return new Rendered(body(out, pm.text(), AttributedStyle.DEFAULT, null), incoming);
    }

    /** A batch of past messages between marker lines: history on entering a room, or what was missed. */
    private Rendered history(ServerMessage.History history) {
        AttributedStringBuilder out = new AttributedStringBuilder();
        int count = history.messages().size();
        String header = history.unread()
                ? count + " unread message" + (count == 1 ? "" : "s") + " while you were away"
                : "earlier in " + clean(history.room()) + (history.more() ? " (/history shows more)" : "");
        out.append(marker(header));
        for (ServerMessage.Chat chat : history.messages()) {
            out.append("\n").append(chat(chat).text());
        }
        out.append("\n").append(marker(history.unread() ? "end of unread" : "now"));
        return plain(out.toAttributedString());
    }

    private static AttributedString marker(String text) {
        return new AttributedString("───── " + text + " ─────", MARKER);
    }

    private Rendered rooms(ServerMessage.Rooms rooms) {
        AttributedStringBuilder out = line(Instant.now()).styled(SYSTEM, "-- " + rooms.rooms().size()
                + (rooms.rooms().size() == 1 ? " room:" : " rooms:"));
        for (ServerMessage.RoomInfo room : rooms.rooms()) {
            out.append("\n      ").styled(ROOM, clean(room.name()))
                    .styled(SYSTEM, "  " + room.members() + (room.members() == 1 ? " person" : " people"));
            if (!room.topic().isEmpty()) {
                out.styled(SYSTEM, "  ").styled(NOTICE, clean(room.topic()));
            }
        }
        out.append("\n").styled(SYSTEM, "      /join ROOM moves you to one (or makes a new one)");
        return plain(out);
    }

    private Rendered left(ServerMessage.Left left) {
        AttributedStringBuilder out = line(left.time()).styled(SYSTEM, "<-- ");
        List<String> nicks = left.nicks();
        int shown = Math.min(nicks.size(), 5);
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                out.styled(SYSTEM, i == nicks.size() - 1 ? " and " : ", ");
            }
            out.append(nick(nicks.get(i)));
        }
        if (nicks.size() > shown) {
            out.styled(SYSTEM, " and " + (nicks.size() - shown) + " others");
        }
        if (LeaveReason.PART.wireName().equals(left.reason())) {
            out.styled(SYSTEM, " left " + clean(left.room()) + " for another room");
            return plain(out);
        }
        String reason = LeaveReason.describe(left.reason());
        String why = left.message().isEmpty() ? reason : reason + ": " + clean(left.message());
        out.styled(SYSTEM, " left (" + why + ")");
        return plain(out);
    }

    private Rendered welcome(ServerMessage.Welcome welcome) {
        if (welcome.resumed()) {
            return plain(line(Instant.now()).styled(SYSTEM, "-- Reconnected to ")
                    .styled(AttributedStyle.BOLD, clean(welcome.server())).styled(SYSTEM, " as ")
                    .append(nick(welcome.nick())).styled(SYSTEM, " in ").styled(ROOM, clean(welcome.room()))
                    .styled(SYSTEM, "."));
        }
        AttributedStringBuilder out = line(Instant.now()).styled(SYSTEM, "-- Welcome to ")
                .styled(AttributedStyle.BOLD, clean(welcome.server())).styled(SYSTEM, ", ")
                .append(nick(welcome.nick())).styled(SYSTEM, "! ");
        AttributedStringBuilder full = new AttributedStringBuilder()
                .append(memberList(out, welcome.room(), welcome.members(), false));
        if (!welcome.topic().isEmpty()) {
            full.append("\n").append(line(Instant.now()).styled(NOTICE, "-!- Topic: " + clean(welcome.topic())));
        }
        if (!welcome.motd().isBlank()) {
            full.append("\n");
            full.append(multiline(line(Instant.now()).styled(NOTICE, "-!- "), welcome.motd(), NOTICE));
        }
        full.append("\n").append(line(Instant.now()).styled(SYSTEM,
                "-- Type a message and press Enter. /help lists commands; quit leaves.").toAttributedString());
        return plain(full.toAttributedString());
    }

    private AttributedString memberList(AttributedStringBuilder out, String room, List<MemberInfo> members,
                                        boolean withTimes) {
        out.styled(SYSTEM, members.size() + (members.size() == 1 ? " person" : " people") + " in "
                + clean(room) + ": ");
        for (int i = 0; i < members.size(); i++) {
            if (i > 0) {
                out.styled(SYSTEM, ", ");
            }
            out.append(nick(members.get(i).nick()));
            if (!members.get(i).status().isEmpty()) {
                out.styled(SYSTEM, " (" + clean(members.get(i).status()) + ")");
            }
            if (withTimes) {
                out.styled(SYSTEM, " (since " + CLOCK.format(members.get(i).since().atZone(zone)) + ")");
            }
        }
        return out.toAttributedString();
    }

    /** The text after a line's prefix; continuation lines are indented to line up under the first. */
    private AttributedString body(AttributedStringBuilder prefix, String text, AttributedStyle style, String mention) {
        int indent = prefix.columnLength();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                prefix.append("\n").append(" ".repeat(indent));
            }
            appendHighlighted(prefix, clean(lines[i]), style, mention);
        }
        return prefix.toAttributedString();
    }

    private AttributedString multiline(AttributedStringBuilder prefix, String text, AttributedStyle style) {
        return body(prefix, text, style, null);
    }

    private static void appendHighlighted(AttributedStringBuilder out, String text, AttributedStyle style,
                                          String mention) {
        if (mention == null) {
            out.styled(style, text);
            return;
        }
        Matcher matcher = mentionPattern(mention).matcher(text);
        int last = 0;
        while (matcher.find()) {
            out.styled(style, text.substring(last, matcher.start()));
            out.styled(MENTION, matcher.group());
            last = matcher.end();
        }
        out.styled(style, text.substring(last));
    }

    /** Whether {@code text} names {@code nick} as a whole word, ignoring case. */
    static boolean mentions(String text, String nick) {
        return !nick.isEmpty() && mentionPattern(nick).matcher(text).find();
    }

    private static Pattern mentionPattern(String nick) {
        return Pattern.compile("(?<![\\p{L}\\p{N}_])" + Pattern.quote(nick) + "(?![\\p{L}\\p{N}_])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private AttributedStringBuilder line(Instant time) {
        return new AttributedStringBuilder().styled(TIME, CLOCK.format(time.atZone(zone))).append(" ");
    }

    private static AttributedString nick(String nick) {
        return new AttributedString(clean(nick), NickColors.styleOf(nick));
    }

    private static Rendered plain(AttributedString text) {
        return new Rendered(text, false);
    }

    private static Rendered plain(AttributedStringBuilder text) {
        return new Rendered(text.toAttributedString(), false);
    }

    private static String clean(String text) {
        return Sanitizer.forDisplay(text);
    }
}
