package dev.lanchat.client.console;

import dev.lanchat.protocol.ServerMessage;

/**
 * How much a message from the server asks of the person: nothing, a glance (a line from someone else), or their
 * attention (a line that mentions their nick, a private message to them). The bell and the count of unread mentions
 * follow it. Stateless.
 */
public enum Attention {
    /** The person's own lines, and everything that is not a line from a member. */
    NONE,
    /** A line from someone else. */
    MESSAGE,
    /** A line from someone else that mentions the person's nick, or a private message to them. */
    MENTION;

    /** What {@code message} asks of the person whose nick is {@code ownNick}. */
    public static Attention of(ServerMessage message, String ownNick) {
        if (message instanceof ServerMessage.Chat) {
            ServerMessage.Chat chat = (ServerMessage.Chat) message;
            if (chat.from().equals(ownNick)) {
                return NONE;
            }
            return Renderer.mentions(chat.text(), ownNick) ? MENTION : MESSAGE;
        }
        if (message instanceof ServerMessage.PrivateChat) {
            return ((ServerMessage.PrivateChat) message).from().equals(ownNick) ? NONE : MENTION;
        }
        return NONE;
    }
}
