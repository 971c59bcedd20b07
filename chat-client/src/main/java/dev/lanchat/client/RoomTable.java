package dev.lanchat.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.lanchat.client.console.Sanitizer;
import dev.lanchat.client.discovery.FoundRoom;
import dev.lanchat.protocol.discovery.RoomAdvert;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * How rooms found on the LAN are shown: aligned text rows for people (the room list of {@code chat rooms} and the
 * picker of {@code chat client}), and one JSON object per room for scripts. Names from the network are shown through
 * {@link Sanitizer}. Stateless.
 */
final class RoomTable {

    private static final JsonFactory JSON = new JsonFactory();

    private RoomTable() {
    }

    /** One row per room: name, address:port, room, members, and what it requires; columns aligned. */
    static List<String> rows(List<FoundRoom> rooms) {
        List<String[]> cells = new ArrayList<>();
        for (FoundRoom room : rooms) {
            cells.add(cellsOf(room, true));
        }
        return align(cells);
    }

    /** The rows with a header line above them. */
    static List<String> withHeader(List<FoundRoom> rooms) {
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"NAME", "ADDRESS", "ROOM", "MEMBERS", "REQUIRES"});
        for (FoundRoom room : rooms) {
            cells.add(cellsOf(room, false));
        }
        return align(cells);
    }

    /**
     * One JSON object for the room, on one line: {@code name}, {@code host}, {@code port}, {@code server},
     * {@code room}, {@code members} and {@code protocol} (each {@code null} if the server did not say), {@code tls},
     * {@code password}.
     */
    static String json(FoundRoom room) {
        RoomAdvert advert = room.advert();
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("name", room.name());
            json.writeStringField("host", room.address());
            json.writeNumberField("port", room.port());
            json.writeStringField("server", advert.serverName());
            json.writeStringField("room", advert.room());
            writeCount(json, "members", advert.members());
            writeCount(json, "protocol", advert.protocolVersion());
            json.writeBooleanField("tls", advert.tls());
            json.writeBooleanField("password", advert.passwordRequired());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** How to join this room from the command line. */
    static String joinCommand(FoundRoom room) {
        return "./chat client --host " + room.address() + " --port " + room.port();
    }

    private static String[] cellsOf(FoundRoom room, boolean units) {
        RoomAdvert advert = room.advert();
        int members = advert.members();
        String count = members == RoomAdvert.UNKNOWN ? "?" : String.valueOf(members);
        if (units) {
            count += members == 1 ? " member" : " members";
        }
        String requires = advert.tls() && advert.passwordRequired() ? "TLS, password"
                : advert.tls() ? "TLS" : advert.passwordRequired() ? "password" : "";
        return new String[] {Sanitizer.forDisplay(room.name()), room.address() + ":" + room.port(),
                Sanitizer.forDisplay(advert.room()), count, requires};
    }

    private static List<String> align(List<String[]> cells) {
        int columns = cells.isEmpty() ? 0 : cells.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : cells) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].codePointCount(0, row[i].length()));
            }
        }
        List<String> lines = new ArrayList<>();
        for (String[] row : cells) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(row[i]);
                if (i < columns - 1) {
                    line.append(" ".repeat(widths[i] - row[i].codePointCount(0, row[i].length()) + 2));
                }
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    private static void writeCount(JsonGenerator json, String field, int value) throws IOException {
        if (value == RoomAdvert.UNKNOWN) {
            json.writeNullField(field);
        } else {
            json.writeNumberField(field, value);
        }
    }
}
