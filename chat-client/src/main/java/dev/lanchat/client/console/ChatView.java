package dev.lanchat.client.console;

import dev.lanchat.protocol.ServerMessage;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jline.utils.AttributedString;

/**
 * What the person sees of the chat, between the server's messages and the screen: which events are shown (lines from
 * ignored nicks are hidden; in quiet mode, so are arrivals, departures, reconnections and other people's nick
 * changes), a date line when the day changes between two events shown, whether the bell rings, and how many mentions
 * and private messages arrived since the person last entered a line. Plain logic over a {@link Renderer} and the
 * {@link LocalSettings}, tested without a terminal; both consoles show what it gives them.
 *
 * <p>Thread-safe: the network thread shows messages while the input thread types and changes modes.
 */
public final class ChatView {

    /** One event ready for the screen. */
    public record Shown(AttributedString text, boolean bell) {

        /** The text without any styling, as plain mode prints it. */
        public String plain() {
            return text.toString();
        }
    }

    private final Renderer renderer;
    private final LocalSettings settings;
    private final Supplier<String> ownNick;
    /** The day of the last timestamped line shown; today to begin with, which the person knows. */
    private LocalDate lastDay;
    private boolean quiet;
    private int unread;

    /**
     * @param ownNick the user's current nickname, to tell their own lines and nick changes from others'
     */
    public ChatView(Renderer renderer, LocalSettings settings, Supplier<String> ownNick) {
        this.renderer = renderer;
        this.settings = settings;
        this.ownNick = ownNick;
        this.lastDay = renderer.today();
    }

    /**
     * The lines for {@code message}, wrapped to {@code width} columns (0 for no wrapping); empty if the person chose
     * not to see it.
     */
    public synchronized Optional<Shown> show(ServerMessage message, int width) {
        followRename(message);
        ServerMessage visible = visible(message);
        if (visible == null) {
            return Optional.empty();
        }
        String me = ownNick.get();
        Attention attention = Attention.of(visible, me);
        if (visible instanceof ServerMessage.History) {
            ServerMessage.History history = (ServerMessage.History) visible;
            if (history.unread()) {
                // Mentions missed while the connection was down are unread too; they are not new enough to ring.
                unread += (int) history.messages().stream()
                        .filter(chat -> Attention.of(chat, me) == Attention.MENTION).count();
            }
        } else if (attention == Attention.MENTION) {
            unread++;
        }
        Rendered rendered = remember(renderer.render(visible, new Page(width, lastDay)));
        return Optional.of(new Shown(rendered.text(), settings.bell().rings(attention)));
    }

    /** A note from the client itself. */
    public synchronized Shown info(String text, int width) {
        return new Shown(remember(renderer.info(text, new Page(width, lastDay))).text(), false);
    }

    /** A problem the client itself found. */
    public synchronized Shown error(String text, int width) {
        return new Shown(remember(renderer.error(text, new Page(width, lastDay))).text(), false);
    }

    /** The person entered a line: whatever mentioned them before has been seen. */
    public synchronized void typed() {
        unread = 0;
    }

    /** Mentions and private messages that arrived since the person last entered a line. */
    public synchronized int unread() {
        return unread;
    }

    /** Turns quiet mode on or off and returns whether it is on now. */
    public synchronized boolean toggleQuiet() {
        quiet = !quiet;
        return quiet;
    }

    public synchronized boolean quiet() {
        return quiet;
    }

    private Rendered remember(Rendered rendered) {
        if (rendered.day() != null) {
            lastDay = rendered.day();
        }
        return rendered;
    }

    /** The message as far as the person wants to see it, or {@code null} for nothing of it. */
    private ServerMessage visible(ServerMessage message) {
        if (message instanceof ServerMessage.Chat) {
            return settings.isIgnored(((ServerMessage.Chat) message).from()) ? null : message;
        }
        if (message instanceof ServerMessage.PrivateChat) {
            return settings.isIgnored(((ServerMessage.PrivateChat) message).from()) ? null : message;
        }
        if (message instanceof ServerMessage.History) {
            ServerMessage.History history = (ServerMessage.History) message;
            List<ServerMessage.Chat> kept = history.messages().stream()
                    .filter(chat -> !settings.isIgnored(chat.from())).collect(Collectors.toList());
            if (kept.size() == history.messages().size()) {
                return history;
            }
            return kept.isEmpty() ? null
                    : new ServerMessage.History(history.room(), kept, history.unread(), history.more());
        }
        if (quiet && (message instanceof ServerMessage.Joined || message instanceof ServerMessage.Left)) {
            return null;
        }
        if (quiet && message instanceof ServerMessage.NickChanged) {
            ServerMessage.NickChanged change = (ServerMessage.NickChanged) message;
            String me = ownNick.get();
            boolean own = change.newNick().equals(me) || change.oldNick().equals(me);
            return own ? message : null; // one's own rename answers one's own /nick
        }
        return message;
    }

    /** Someone ignored who changes nick stays ignored under the new one. */
    private void followRename(ServerMessage message) {
        if (message instanceof ServerMessage.NickChanged) {
            ServerMessage.NickChanged change = (ServerMessage.NickChanged) message;
            if (settings.isIgnored(change.oldNick())) {
                try {
                    settings.ignore(change.newNick());
                } catch (IOException e) {
                    // It holds for this run; the next /ignore or /bell tries to save again.
                }
            }
        }
    }
}
