package dev.lanchat.client.console;

import dev.lanchat.protocol.LeaveReason;
import dev.lanchat.protocol.ServerMessage.MemberInfo;
import dev.lanchat.protocol.ServerMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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
 * Turns a server message into the lines a person sees: local time, then a form distinct per kind (chat, action,
 * private message, arrivals and departures, notices, errors), every nick in its own colour, the user's own nick
 * highlighted where someone mentions it. All text from the network passes through {@link Sanitizer}. Continuation
 * lines of a multi-line message are indented under its first line; on a {@link Page} of known width, long lines wrap
 * with their continuation rows indented the same way, measured in display {@link Columns}. A date line comes before
 * a line from another day than the page's last one, and between history lines of different days.
 *
 * <p>A pure function of the message, the page, the clock (for events the server does not stamp), the time zone and
 * the user's nick: it touches no terminal, so it is tested directly. Thread-safe.
 */
public final class Renderer {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);
    private static final AttributedStyle TIME = AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT);
    private static final AttributedStyle SYSTEM = AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT);
    private static final AttributedStyle NOTICE = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
    private static final AttributedStyle ERROR = AttributedStyle.BOLD.foreground(AttributedStyle.RED);
    private static final AttributedStyle PRIVATE = AttributedStyle.BOLD.foreground(AttributedStyle.MAGENTA);
    private static final AttributedStyle MENTION = AttributedStyle.BOLD.inverse();
    private static final AttributedStyle ROOM = AttributedStyle.BOLD.foreground(AttributedStyle.CYAN);
    private static final AttributedStyle MARKER = AttributedStyle.DEFAULT.foreground(AttributedStyle.BLUE | AttributedStyle.BRIGHT);
    /** The first column of a line laid out in two, up to where the second starts: "  /who   List the members". */
    private static final Pattern TWO_COLUMNS = Pattern.compile("^( +\\S+(?: \\S+)* {2,})\\S");
    /** Where the rows of a list ({@code /rooms}) start. */
    private static final int LIST_INDENT = 6;

    private final Clock clock;
    private final ZoneId zone;
    private final Supplier<String> ownNick;

    /**
     * @param zone    the zone timestamps are shown in; the user's own by default
     * @param ownNick the user's current nickname, for highlighting and telling own lines apart
     */
    public Renderer(ZoneId zone, Supplier<String> ownNick) {
        this(Clock.system(zone), ownNick);
    }

    /**
     * @param clock   the time of events the server does not stamp (a welcome, a member list), in the zone that
     *                timestamps are shown in
     * @param ownNick the user's current nickname, for highlighting and telling own lines apart
     */
    public Renderer(Clock clock, Supplier<String> ownNick) {
        this.clock = clock;
        this.zone = clock.getZone();
        this.ownNick = ownNick;
    }

    /** Today, in the zone timestamps are shown in. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The lines for one message, unwrapped and without a date line before them. */
    public Rendered render(ServerMessage message) {
        return render(message, Page.UNBOUNDED);
    }

    /** The lines for one message on {@code page}: wrapped to its width, after a date line if the day changed. */
    public Rendered render(ServerMessage message, Page page) {
        Block block = new Block(page);
        if (message instanceof ServerMessage.Chat) {
            ServerMessage.Chat chat = (ServerMessage.Chat) message;
            chat(block, chat);
            return block.rendered(Attention.of(chat, ownNick.get()) == Attention.MENTION);
        }
        if (message instanceof ServerMessage.PrivateChat) {
            ServerMessage.PrivateChat pm = (ServerMessage.PrivateChat) message;
            privateChat(block, pm);
            return block.rendered(Attention.of(pm, ownNick.get()) == Attention.MENTION);
        }
        if (message instanceof ServerMessage.Joined) {
            ServerMessage.Joined joined = (ServerMessage.Joined) message;
            AttributedStringBuilder line = block.line(joined.time());
            int hang = line.length() + 4;
            block.row(line.styled(SYSTEM, "--> ").append(nick(joined.nick()))
                    .styled(SYSTEM, joined.resumed() ? " reconnected" : " joined " + clean(joined.room())), hang);
        } else if (message instanceof ServerMessage.History) {
            history(block, (ServerMessage.History) message);
        } else if (message instanceof ServerMessage.Entered) {
            entered(block, (ServerMessage.Entered) message);
        } else if (message instanceof ServerMessage.Rooms) {
            rooms(block, (ServerMessage.Rooms) message);
        } else if (message instanceof ServerMessage.TopicChanged) {
            ServerMessage.TopicChanged change = (ServerMessage.TopicChanged) message;
            AttributedStringBuilder line = block.line(change.time());
            int hang = line.length() + 3;
            block.row(line.styled(SYSTEM, "-- ").append(nick(change.by()))
                    .styled(SYSTEM, " set the topic of " + clean(change.room()) + ": ")
                    .styled(NOTICE, clean(change.topic())), hang);
        } else if (message instanceof ServerMessage.Left) {
            left(block, (ServerMessage.Left) message);
        } else if (message instanceof ServerMessage.NickChanged) {
            ServerMessage.NickChanged change = (ServerMessage.NickChanged) message;
            AttributedStringBuilder line = block.line(change.time());
            int hang = line.length() + 3;
            block.row(line.styled(SYSTEM, "-- ").append(nick(change.oldNick()))
                    .styled(SYSTEM, " is now known as ").append(nick(change.newNick())), hang);
        } else if (message instanceof ServerMessage.Members) {
            ServerMessage.Members members = (ServerMessage.Members) message;
            AttributedStringBuilder line = block.line(clock.instant());
            int hang = line.length() + 3;
            block.row(memberList(line.styled(SYSTEM, "-- "), members.room(), members.members(), true), hang);
        } else if (message instanceof ServerMessage.Notice) {
            ServerMessage.Notice notice = (ServerMessage.Notice) message;
            block.body(block.line(notice.time()).styled(NOTICE, "-!- "), notice.text(), NOTICE, null);
        } else if (message instanceof ServerMessage.Error) {
            block.body(block.line(clock.instant()).styled(ERROR, "!! "), ((ServerMessage.Error) message).text(),
                    ERROR, null);
        } else if (message instanceof ServerMessage.Bye) {
            ServerMessage.Bye bye = (ServerMessage.Bye) message;
            AttributedStyle style = LeaveReason.QUIT.wireName().equals(bye.reason()) ? SYSTEM : NOTICE;
            block.body(block.line(clock.instant()).styled(style, "-!- "), bye.text(), style, null);
        } else if (message instanceof ServerMessage.Welcome) {
            welcome(block, (ServerMessage.Welcome) message);
        } else {
            block.row(block.line(clock.instant()).styled(SYSTEM, "-- " + message.getClass().getSimpleName()), 0);
        }
        return block.rendered(false);
    }

    /** A message from the client itself, such as "connecting". */
    public Rendered info(String text) {
        return info(text, Page.UNBOUNDED);
    }

    /** A message from the client itself, on {@code page}. */
    public Rendered info(String text, Page page) {
        Block block = new Block(page);
        block.body(block.line(clock.instant()).styled(SYSTEM, "-- "), text, SYSTEM, null);
        return block.rendered(false);
    }

    /** A problem the client itself reports. */
    public Rendered error(String text) {
        return error(text, Page.UNBOUNDED);
    }

    /** A problem the client itself reports, on {@code page}. */
    public Rendered error(String text, Page page) {
        Block block = new Block(page);
        block.body(block.line(clock.instant()).styled(ERROR, "!! "), text, ERROR, null);
        return block.rendered(false);
    }

    private void chat(Block block, ServerMessage.Chat chat) {
        String me = ownNick.get();
        boolean own = chat.from().equals(me);
        AttributedStringBuilder out = block.line(chat.time());
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
        block.body(out, chat.text(), textStyle, mentioned ? me : null);
    }

    private void privateChat(Block block, ServerMessage.PrivateChat pm) {
        String me = ownNick.get();
        AttributedStringBuilder out = block.line(pm.time()).styled(PRIVATE, "[");
        if (pm.from().equals(me)) {
            out.styled(PRIVATE, "you -> ").append(nick(pm.to()));
        } else {
            out.append(nick(pm.from())).styled(PRIVATE, " -> you");
        }
        out.styled(PRIVATE, "] ");
        block.body(out, pm.text(), AttributedStyle.DEFAULT, null);
    }

    /** A batch of past messages between marker lines: history on entering a room, or what was missed. */
    private void history(Block block, ServerMessage.History history) {
        int count = history.messages().size();
        String header = history.unread()
                ? count + " unread message" + (count == 1 ? "" : "s") + " while you were away"
                : "earlier in " + clean(history.room()) + (history.more() ? " (/history shows more)" : "");
        block.row(marker(header), 0);
        for (ServerMessage.Chat chat : history.messages()) {
            chat(block, chat);
        }
        block.row(marker(history.unread() ? "end of unread" : "now"), 0);
    }

    private static AttributedString marker(String text) {
        return new AttributedString("───── " + text + " ─────", MARKER);
    }

    private void entered(Block block, ServerMessage.Entered entered) {
        Instant now = clock.instant();
        AttributedStringBuilder line = block.line(now);
        int hang = line.length() + 3;
        line.styled(SYSTEM, "-- You are in ").styled(ROOM, clean(entered.room())).styled(SYSTEM, " now. ");
        block.row(memberList(line, entered.room(), entered.members(), false), hang);
        if (!entered.topic().isEmpty()) {
            topicLine(block, now, entered.topic());
        }
    }

    private void topicLine(Block block, Instant now, String topic) {
        AttributedStringBuilder line = block.line(now);
        int hang = line.length() + 4;
        block.row(line.styled(NOTICE, "-!- Topic: " + clean(topic)), hang);
    }

    private void rooms(Block block, ServerMessage.Rooms rooms) {
        block.row(block.line(clock.instant()).styled(SYSTEM, "-- " + rooms.rooms().size()
                + (rooms.rooms().size() == 1 ? " room:" : " rooms:")), 0);
        String indent = " ".repeat(LIST_INDENT);
        for (ServerMessage.RoomInfo room : rooms.rooms()) {
            AttributedStringBuilder row = new AttributedStringBuilder().append(indent).styled(ROOM, clean(room.name()))
                    .styled(SYSTEM, "  " + room.members() + (room.members() == 1 ? " person" : " people"));
            if (!room.topic().isEmpty()) {
                row.styled(SYSTEM, "  ").styled(NOTICE, clean(room.topic()));
            }
            block.row(row, LIST_INDENT + 2);
        }
        block.row(new AttributedStringBuilder().append(indent)
                .styled(SYSTEM, "/join ROOM moves you to one (or makes a new one)"), LIST_INDENT);
    }

    private void left(Block block, ServerMessage.Left left) {
        AttributedStringBuilder out = block.line(left.time());
        int hang = out.length() + 4;
        out.styled(SYSTEM, "<-- ");
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
        boolean several = nicks.size() > 1;
        if (LeaveReason.PART.wireName().equals(left.reason())) {
            out.styled(SYSTEM, " left " + clean(left.room()) + " for another room");
        } else if (LeaveReason.KICKED.wireName().equals(left.reason())) {
            out.styled(SYSTEM, (several ? " were" : " was") + " removed by the operator"
                    + (left.message().isEmpty() ? "" : ": " + clean(left.message())));
        } else {
            String reason = LeaveReason.describe(left.reason());
            String why = left.message().isEmpty() ? reason : reason + ": " + clean(left.message());
            out.styled(SYSTEM, " left (" + why + ")");
        }
        block.row(out, hang);
    }

    private void welcome(Block block, ServerMessage.Welcome welcome) {
        Instant now = clock.instant();
        AttributedStringBuilder line = block.line(now);
        int hang = line.length() + 3;
        if (welcome.resumed()) {
            block.row(line.styled(SYSTEM, "-- Reconnected to ")
                    .styled(AttributedStyle.BOLD, clean(welcome.server())).styled(SYSTEM, " as ")
                    .append(nick(welcome.nick())).styled(SYSTEM, " in ").styled(ROOM, clean(welcome.room()))
                    .styled(SYSTEM, "."), hang);
            return;
        }
        line.styled(SYSTEM, "-- Welcome to ").styled(AttributedStyle.BOLD, clean(welcome.server())).styled(SYSTEM, ", ")
                .append(nick(welcome.nick())).styled(SYSTEM, "! ");
        block.row(memberList(line, welcome.room(), welcome.members(), false), hang);
        if (!welcome.topic().isEmpty()) {
            topicLine(block, now, welcome.topic());
        }
        if (!welcome.motd().isBlank()) {
            block.body(block.line(now).styled(NOTICE, "-!- "), welcome.motd(), NOTICE, null);
        }
        block.row(block.line(now)
                .styled(SYSTEM, "-- Type a message and press Enter. /help lists commands; quit leaves."), hang);
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
            MemberInfo member = members.get(i);
            if (!member.away().isEmpty()) {
                out.styled(SYSTEM, " (away: " + clean(member.away()) + ")");
            } else if (!member.status().isEmpty()) {
                out.styled(SYSTEM, " (" + clean(member.status()) + ")");
            }
            if (withTimes) {
                out.styled(SYSTEM, " (since " + CLOCK.format(members.get(i).since().atZone(zone)) + ")");
            }
        }
        return out.toAttributedString();
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

    private static AttributedString nick(String nick) {
        return new AttributedString(clean(nick), NickColors.styleOf(nick));
    }

    private static String clean(String text) {
        return Sanitizer.forDisplay(text);
    }

    /**
     * The rows of one rendering as they are built: each logical line wrapped to the page's width as it is added, and
     * the day of the last timestamped line, so that a line from another day gets a date line before it.
     */
    private final class Block {
        private final AttributedStringBuilder out = new AttributedStringBuilder();
        private final int width;
        private LocalDate day;
        private LocalDate stamped;
        private boolean empty = true;

        Block(Page page) {
            this.width = page.width();
            this.day = page.day();
        }

        /** Starts a line stamped with {@code time}, after a date line if its day differs from the last one's. */
        AttributedStringBuilder line(Instant time) {
            LocalDate date = time.atZone(zone).toLocalDate();
            if (day != null && !date.equals(day)) {
                row(marker(DATE.format(date)), 0);
            }
            day = date;
            stamped = date;
            return new AttributedStringBuilder().styled(TIME, CLOCK.format(time.atZone(zone))).append(" ");
        }

        /** Adds one logical line; if it is wider than the page, its continuation rows hang at column {@code hang}. */
        void row(AttributedString line, int hang) {
            for (AttributedString part : LineWrap.hanging(line, width, hang)) {
                if (!empty) {
                    out.append("\n");
                }
                out.append(part);
                empty = false;
            }
        }

        void row(AttributedStringBuilder line, int hang) {
            row(line.toAttributedString(), hang);
        }

        /**
         * Adds {@code text} after {@code prefix}: one line per line of text, each indented under the first. A line
         * laid out as two columns, as a list of commands is, wraps under its second column.
         */
        void body(AttributedStringBuilder prefix, String text, AttributedStyle style, String mention) {
            int indent = Columns.of(prefix.toAttributedString());
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                AttributedStringBuilder line = i == 0 ? prefix
                        : new AttributedStringBuilder().append(" ".repeat(indent));
                String clean = clean(lines[i]);
                appendHighlighted(line, clean, style, mention);
                Matcher columns = TWO_COLUMNS.matcher(clean);
                row(line, indent + (columns.find() ? Columns.of(columns.group(1)) : 0));
            }
        }

        Rendered rendered(boolean alert) {
            return new Rendered(out.toAttributedString(), alert, stamped);
        }
    }
}
