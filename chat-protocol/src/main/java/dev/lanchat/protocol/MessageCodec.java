package dev.lanchat.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.lanchat.protocol.ClientMessage.Command;
import dev.lanchat.protocol.ClientMessage.Hello;
import dev.lanchat.protocol.ClientMessage.Say;
import dev.lanchat.protocol.ServerMessage.Bye;
import dev.lanchat.protocol.ServerMessage.Chat;
import dev.lanchat.protocol.ServerMessage.CommandInfo;
import dev.lanchat.protocol.ServerMessage.Joined;
import dev.lanchat.protocol.ServerMessage.Left;
import dev.lanchat.protocol.ServerMessage.MemberInfo;
import dev.lanchat.protocol.ServerMessage.Members;
import dev.lanchat.protocol.ServerMessage.NickChanged;
import dev.lanchat.protocol.ServerMessage.Notice;
import dev.lanchat.protocol.ServerMessage.PrivateChat;
import dev.lanchat.protocol.ServerMessage.Welcome;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one codec between message types and their text: each message is a JSON object whose {@code type} field names
 * its kind. Every kind is one row of a table below, so a field's name is written and read in one place. Readers ignore
 * fields they do not know, which is how later versions add fields without breaking older peers.
 *
 * <p>Stateless and safe to call from any thread.
 */
public final class MessageCodec {

    private static final Map<String, Kind<? extends ClientMessage>> CLIENT_BY_TYPE = new HashMap<>();
    private static final Map<Class<?>, Kind<? extends ClientMessage>> CLIENT_BY_CLASS = new HashMap<>();
    private static final Map<String, Kind<? extends ServerMessage>> SERVER_BY_TYPE = new HashMap<>();
    private static final Map<Class<?>, Kind<? extends ServerMessage>> SERVER_BY_CLASS = new HashMap<>();

    static {
        client(new Kind<>("hello", Hello.class,
                (m, out) -> {
                    out.writeNumberField("v", m.version());
                    out.writeStringField("nick", m.nick());
                    out.writeStringField("client", m.client());
                    if (!m.password().isEmpty()) {
                        out.writeStringField("password", m.password());
                    }
                    if (m.resume() != null) {
                        out.writeObjectFieldStart("resume");
                        out.writeStringField("token", m.resume().token());
                        out.writeStringField("room", m.resume().room());
                        out.writeNumberField("after", m.resume().after());
                        out.writeEndObject();
                    }
                },
                in -> new Hello(in.int32("v"), in.str("nick"), in.str("client", ""), in.str("password", ""),
                        in.object("resume", r -> new ClientMessage.Resume(r.str("token"), r.str("room", ""),
                                r.integer("after", 0))))));
        client(new Kind<>("say", Say.class,
                (m, out) -> out.writeStringField("text", m.text()),
                in -> new Say(in.str("text"))));
        client(new Kind<>("cmd", Command.class,
                (m, out) -> {
                    out.writeStringField("name", m.name());
                    out.writeStringField("args", m.args());
                },
                in -> new Command(in.str("name"), in.str("args", ""))));
        client(new Kind<>("ping", ClientMessage.Ping.class,
                (m, out) -> out.writeStringField("token", m.token()),
                in -> new ClientMessage.Ping(in.str("token", ""))));
        client(new Kind<>("pong", ClientMessage.Pong.class,
                (m, out) -> out.writeStringField("token", m.token()),
                in -> new ClientMessage.Pong(in.str("token", ""))));

        server(new Kind<>("welcome", Welcome.class,
                (m, out) -> {
                    out.writeNumberField("v", m.version());
                    out.writeStringField("nick", m.nick());
                    out.writeStringField("room", m.room());
                    if (!m.topic().isEmpty()) {
                        out.writeStringField("topic", m.topic());
                    }
                    out.writeStringField("server", m.server());
                    out.writeStringField("motd", m.motd());
                    writeMembers(out, m.members());
                    out.writeArrayFieldStart("commands");
                    for (CommandInfo command : m.commands()) {
                        out.writeStartObject();
                        out.writeStringField("name", command.name());
                        out.writeStringField("args", command.args());
                        out.writeStringField("help", command.help());
                        out.writeEndObject();
                    }
                    out.writeEndArray();
                    out.writeNumberField("maxFrame", m.maxFrameBytes());
                    out.writeStringField("resume", m.resume());
                    if (m.resumed()) {
                        out.writeBooleanField("resumed", true);
                    }
                },
                in -> new Welcome(in.int32("v"), in.str("nick"), in.str("room"), in.str("topic", ""), in.str("server"),
                        in.str("motd", ""), readMembers(in),
                        in.objects("commands", c -> new CommandInfo(c.str("name"), c.str("args", ""), c.str("help", ""))),
                        in.int32("maxFrame", Protocol.DEFAULT_MAX_FRAME_BYTES), in.str("resume", ""),
                        in.bool("resumed", false))));
        server(new Kind<>("msg", Chat.class,
                (m, out) -> {
                    out.writeStringField("room", m.room());
                    writeChatFields(out, m);
                },
                in -> readChat(in, in.str("room"))));
        server(new Kind<>("history", ServerMessage.History.class,
                (m, out) -> {
                    out.writeStringField("room", m.room());
                    out.writeArrayFieldStart("messages");
                    for (Chat chat : m.messages()) {
                        out.writeStartObject();
                        writeChatFields(out, chat);
                        out.writeEndObject();
                    }
                    out.writeEndArray();
                    if (m.unread()) {
                        out.writeBooleanField("unread", true);
                    }
                    if (m.more()) {
                        out.writeBooleanField("more", true);
                    }
                },
                in -> {
                    String room = in.str("room");
                    return new ServerMessage.History(room, in.objects("messages", c -> readChat(c, room)),
                            in.bool("unread", false), in.bool("more", false));
                }));
        server(new Kind<>("enter", ServerMessage.Entered.class,
                (m, out) -> {
                    out.writeStringField("room", m.room());
                    if (!m.topic().isEmpty()) {
                        out.writeStringField("topic", m.topic());
                    }
                    writeMembers(out, m.members());
                },
                in -> new ServerMessage.Entered(in.str("room"), in.str("topic", ""), readMembers(in))));
        server(new Kind<>("rooms", ServerMessage.Rooms.class,
                (m, out) -> {
                    out.writeArrayFieldStart("rooms");
                    for (ServerMessage.RoomInfo room : m.rooms()) {
                        out.writeStartObject();
                        out.writeStringField("name", room.name());
                        out.writeNumberField("members", room.members());
                        if (!room.topic().isEmpty()) {
                            out.writeStringField("topic", room.topic());
                        }
                        out.writeEndObject();
                    }
                    out.writeEndArray();
                },
                in -> new ServerMessage.Rooms(in.objects("rooms", r -> new ServerMessage.RoomInfo(r.str("name"),
                        r.int32("members", 0), r.str("topic", ""))))));
        server(new Kind<>("topic", ServerMessage.TopicChanged.class,
                (m, out) -> {
                    out.writeStringField("room", m.room());
                    out.writeStringField("topic", m.topic());
                    out.writeStringField("by", m.by());
                    out.writeNumberField("ts", m.time().toEpochMilli());
                },
                in -> new ServerMessage.TopicChanged(in.str("room"), in.str("topic"), in.str("by"), in.time("ts"))));
        server(new Kind<>("private", PrivateChat.class,
                (m, out) -> {
                    out.writeStringField("from", m.from());
                    out.writeStringField("to", m.to());
                    out.writeNumberField("ts", m.time().toEpochMilli());
                    out.writeStringField("text", m.text());
                },
                in -> new PrivateChat(in.str("from"), in.str("to"), in.time("ts"), in.str("text"))));
        server(new Kind<>("join", Joined.class,
                (m, out) -> {
                    out.writeStringField("room", m.room());
                    out.writeStringField("nick", m.nick());
                    out.writeNumberField("ts", m.time().toEpochMilli());
                    if (m.resumed()) {
                        out.writeBooleanField("resumed", true);
                    }
                },
                in -> new Joined(in.str("room"), in.str("nick"), in.time("ts"), in.bool("resumed", false))));
        server(new Kind<>("leave", Left.class,
                (m, out) -> {
                    out.writeStringField("room", m.room());
                    out.writeArrayFieldStart("nicks");
                    for (String nick : m.nicks()) {
                        out.writeString(nick);
                    }
                    out.writeEndArray();
                    out.writeStringField("reason", m.reason());
                    if (!m.message().isEmpty()) {
                        out.writeStringField("message", m.message());
                    }
                    out.writeNumberField("ts", m.time().toEpochMilli());
                },
                in -> new Left(in.str("room"), in.strings("nicks"), in.str("reason"), in.str("message", ""),
                        in.time("ts"))));
        server(new Kind<>("nick", NickChanged.class,
                (m, out) -> {
                    out.writeStringField("old", m.oldNick());
                    out.writeStringField("new", m.newNick());
                    out.writeNumberField("ts", m.time().toEpochMilli());
                },
                in -> new NickChanged(in.str("old"), in.str("new"), in.time("ts"))));
        server(new Kind<>("members", Members.class,
                (m, out) -> {
                    out.writeStringField("room", m.room());
                    writeMembers(out, m.members());
                },
                in -> new Members(in.str("room"), readMembers(in))));
        server(new Kind<>("notice", Notice.class,
                (m, out) -> {
                    out.writeStringField("text", m.text());
                    out.writeNumberField("ts", m.time().toEpochMilli());
                },
                in -> new Notice(in.str("text"), in.time("ts"))));
        server(new Kind<>("error", ServerMessage.Error.class,
                (m, out) -> {
                    out.writeStringField("code", m.code());
                    out.writeStringField("text", m.text());
                },
                in -> new ServerMessage.Error(in.str("code"), in.str("text", ""))));
        server(new Kind<>("bye", Bye.class,
                (m, out) -> {
                    out.writeStringField("reason", m.reason());
                    out.writeStringField("text", m.text());
                },
                in -> new Bye(in.str("reason"), in.str("text", ""))));
        server(new Kind<>("ping", ServerMessage.Ping.class,
                (m, out) -> out.writeStringField("token", m.token()),
                in -> new ServerMessage.Ping(in.str("token", ""))));
        server(new Kind<>("pong", ServerMessage.Pong.class,
                (m, out) -> out.writeStringField("token", m.token()),
                in -> new ServerMessage.Pong(in.str("token", ""))));
    }

    private MessageCodec() {
    }

    /** The JSON text of a client message. */
    public static String encode(ClientMessage message) {
        return write(CLIENT_BY_CLASS.get(message.getClass()), message);
    }

    /** The JSON text of a server message. */
    public static String encode(ServerMessage message) {
        return write(SERVER_BY_CLASS.get(message.getClass()), message);
    }

    /**
     * Reads a message a client sent.
     *
     * @throws ProtocolException with {@link ErrorCode#UNKNOWN_TYPE} for a well-formed message of a kind this version
     *                           does not know, {@link ErrorCode#BAD_MESSAGE} for anything else that cannot be read
     */
    public static ClientMessage decodeClientMessage(String text) throws ProtocolException {
        return read(CLIENT_BY_TYPE, text);
    }

    /**
     * Reads a message a server sent.
     *
     * @throws ProtocolException as {@link #decodeClientMessage(String)}; a client should skip unknown kinds
     */
    public static ServerMessage decodeServerMessage(String text) throws ProtocolException {
        return read(SERVER_BY_TYPE, text);
    }

    /** The {@code type} name of a client message, as on the wire; for log lines and errors. */
    public static String typeOf(ClientMessage message) {
        return CLIENT_BY_CLASS.get(message.getClass()).type;
    }

    /** The {@code type} name of a server message, as on the wire. */
    public static String typeOf(ServerMessage message) {
        return SERVER_BY_CLASS.get(message.getClass()).type;
    }

    /** The {@code type} names of every server message kind, as documented in {@code PROTOCOL.md}. */
    public static List<String> serverTypes() {
        return List.copyOf(SERVER_BY_TYPE.keySet());
    }

    /** The {@code type} names of every client message kind, as documented in {@code PROTOCOL.md}. */
    public static List<String> clientTypes() {
        return List.copyOf(CLIENT_BY_TYPE.keySet());
    }

    private static <T> T read(Map<String, ? extends Kind<? extends T>> kinds, String text) throws ProtocolException {
        JsonFields fields = JsonFields.parse(text);
        Kind<? extends T> kind = kinds.get(fields.type());
        if (kind == null) {
            throw new ProtocolException(ErrorCode.UNKNOWN_TYPE, "unknown message type '" + fields.type() + "'");
        }
        return kind.reader.read(fields);
    }

    private static <T> String write(Kind<T> kind, Object message) {
        StringWriter text = new StringWriter(128);
        try (JsonGenerator out = JsonFields.JSON.createGenerator(text)) {
            out.writeStartObject();
            out.writeStringField("type", kind.type);
            kind.writer.write(kind.javaType.cast(message), out);
            out.writeEndObject();
        } catch (IOException e) {
            // A StringWriter does not fail; this only guards a bug in a writer above.
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void writeMembers(JsonGenerator out, List<MemberInfo> members) throws IOException {
        out.writeArrayFieldStart("members");
        for (MemberInfo member : members) {
            out.writeStartObject();
            out.writeStringField("nick", member.nick());
            out.writeNumberField("since", member.since().toEpochMilli());
            if (!member.status().isEmpty()) {
                out.writeStringField("status", member.status());
            }
            if (!member.away().isEmpty()) {
                out.writeStringField("away", member.away());
            }
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    private static List<MemberInfo> readMembers(JsonFields in) throws ProtocolException {
        return in.objects("members", m -> new MemberInfo(m.str("nick"), m.time("since"), m.str("status", ""),
                m.str("away", "")));
    }

    /** The fields of a chat line after its room: shared by {@code msg} and the lines of {@code history}. */
    private static void writeChatFields(JsonGenerator out, Chat chat) throws IOException {
        if (chat.id() > 0) {
            out.writeNumberField("id", chat.id());
        }
        out.writeStringField("from", chat.from());
        out.writeNumberField("ts", chat.time().toEpochMilli());
        out.writeStringField("text", chat.text());
        if (chat.action()) {
            out.writeBooleanField("action", true);
        }
    }

    private static Chat readChat(JsonFields in, String room) throws ProtocolException {
        return new Chat(room, in.integer("id", 0), in.str("from"), in.time("ts"), in.str("text"),
                in.bool("action", false));
    }

    private static void client(Kind<? extends ClientMessage> kind) {
        CLIENT_BY_TYPE.put(kind.type, kind);
        CLIENT_BY_CLASS.put(kind.javaType, kind);
    }

    private static void server(Kind<? extends ServerMessage> kind) {
        SERVER_BY_TYPE.put(kind.type, kind);
        SERVER_BY_CLASS.put(kind.javaType, kind);
    }

    /** One message kind: its {@code type} name, its Java type, and how its fields are written and read. */
    private static final class Kind<T> {
        final String type;
        final Class<T> javaType;
        final Writer<T> writer;
        final Reader<T> reader;

        Kind(String type, Class<T> javaType, Writer<T> writer, Reader<T> reader) {
            this.type = type;
            this.javaType = javaType;
            this.writer = writer;
            this.reader = reader;
        }
    }

    @FunctionalInterface
    private interface Writer<T> {
        void write(T message, JsonGenerator out) throws IOException;
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(JsonFields in) throws ProtocolException;
    }
}
