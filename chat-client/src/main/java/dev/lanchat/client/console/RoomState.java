package dev.lanchat.client.console;

import dev.lanchat.protocol.Protocol;
import dev.lanchat.protocol.ServerMessage.CommandInfo;
import dev.lanchat.protocol.ServerMessage.MemberInfo;
import dev.lanchat.protocol.ServerMessage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the client knows of its place in the chat, kept current from the server's messages: its own nickname, its
 * room, who else is there, and the server's command table. Read by the prompt and by completion while the network
 * thread updates it. Thread-safe.
 */
public final class RoomState {

    private String server = "";
    private String nick = "";
    private String room = "";
    private String topic = "";
    private String resumeToken = "";
    private int maxFrameBytes = Protocol.DEFAULT_MAX_FRAME_BYTES;
    private final Set<String> members = new LinkedHashSet<>();
    private List<CommandInfo> commands = List.of();
    /** The id of the newest message seen in the current room: where a resumed session takes up. */
    private long lastSeenId;
    /** The id of the oldest message shown in the current room: where {@code /history} continues. */
    private long oldestShownId;

    /** Updates the state from one server message; messages that change nothing are ignored. */
    public synchronized void apply(ServerMessage message) {
        if (message instanceof ServerMessage.Welcome) {
            ServerMessage.Welcome welcome = (ServerMessage.Welcome) message;
            server = welcome.server();
            nick = welcome.nick();
            if (!welcome.room().equals(room)) {
                lastSeenId = 0;
                oldestShownId = 0;
            }
            room = welcome.room();
            topic = welcome.topic();
            resumeToken = welcome.resume();
            maxFrameBytes = welcome.maxFrameBytes();
            commands = welcome.commands();
            replaceMembers(welcome.members());
        } else if (message instanceof ServerMessage.Entered) {
            ServerMessage.Entered entered = (ServerMessage.Entered) message;
            room = entered.room();
            topic = entered.topic();
            lastSeenId = 0;
            oldestShownId = 0;
            replaceMembers(entered.members());
        } else if (message instanceof ServerMessage.Chat) {
            ServerMessage.Chat chat = (ServerMessage.Chat) message;
            if (chat.room().equals(room)) {
                seen(chat.id());
            }
        } else if (message instanceof ServerMessage.History) {
            ServerMessage.History history = (ServerMessage.History) message;
            if (history.room().equals(room)) {
                history.messages().forEach(chat -> seen(chat.id()));
            }
        } else if (message instanceof ServerMessage.TopicChanged) {
            ServerMessage.TopicChanged change = (ServerMessage.TopicChanged) message;
            if (change.room().equals(room)) {
                topic = change.topic();
            }
        } else if (message instanceof ServerMessage.Joined) {
            members.add(((ServerMessage.Joined) message).nick());
        } else if (message instanceof ServerMessage.Left) {
            members.removeAll(((ServerMessage.Left) message).nicks());
        } else if (message instanceof ServerMessage.NickChanged) {
            ServerMessage.NickChanged change = (ServerMessage.NickChanged) message;
            if (members.remove(change.oldNick())) {
                members.add(change.newNick());
            }
            if (change.oldNick().equals(nick)) {
                nick = change.newNick();
            }
        } else if (message instanceof ServerMessage.Members) {
            ServerMessage.Members list = (ServerMessage.Members) message;
            if (list.room().equals(room)) {
                replaceMembers(list.members());
            }
        }
    }

    public synchronized String nick() {
        return nick;
    }

    public synchronized String room() {
        return room;
    }

    public synchronized String server() {
        return server;
    }

    public synchronized String topic() {
        return topic;
    }

    /** The resume token of the last welcome; empty before one. */
    public synchronized String resumeToken() {
        return resumeToken;
    }

    /** The id of the newest message seen in the current room; 0 if none. */
    public synchronized long lastSeenId() {
        return lastSeenId;
    }

    /** The id of the oldest message shown in the current room; 0 if none. */
    public synchronized long oldestShownId() {
        return oldestShownId;
    }

    /** The largest frame the server accepts from this client, as its welcome said. */
    public synchronized int maxFrameBytes() {
        return maxFrameBytes;
    }

    /** The members of the current room, in the order they arrived. */
    public synchronized List<String> members() {
        return new ArrayList<>(members);
    }

    /** The server's commands, from its welcome. */
    public synchronized List<CommandInfo> commands() {
        return commands;
    }

    private void seen(long id) {
        if (id > 0) {
            lastSeenId = Math.max(lastSeenId, id);
            oldestShownId = oldestShownId == 0 ? id : Math.min(oldestShownId, id);
        }
    }

    private void replaceMembers(List<MemberInfo> list) {
        members.clear();
        for (MemberInfo member : list) {
            members.add(member.nick());
        }
    }
}
