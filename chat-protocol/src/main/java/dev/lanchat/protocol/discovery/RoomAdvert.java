package dev.lanchat.protocol.discovery;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a server tells the LAN about itself in the TXT record of its DNS-SD service ({@link Discovery#SERVICE_TYPE}),
 * so that a client can list rooms before connecting. {@code PROTOCOL.md}, section "Discovery", documents the keys.
 * Immutable.
 *
 * <pre>
 *  txtvers=1  proto=1  name=lab-pc  room=lobby  members=3  tls=0  password=0
 * </pre>
 *
 * @param protocolVersion  the highest protocol version the server speaks, or {@link #UNKNOWN} if the record lacks it
 * @param serverName       the server's name as it welcomes people (the service's instance name may carry a suffix
 *                         such as {@code " (2)"} that DNS-SD added to keep it unique); may be empty if unknown
 * @param room             the room a member enters first; may be empty if unknown
 * @param members          how many members are connected, or {@link #UNKNOWN}; a server updates it as people come and
 *                         go, at most every few seconds
 * @param tls              whether the server requires TLS
 * @param passwordRequired whether the server asks for a password
 */
public record RoomAdvert(int protocolVersion, String serverName, String room, int members, boolean tls,
                         boolean passwordRequired) {

    /** The value of a number the record does not give. */
    public static final int UNKNOWN = -1;

    /** Version of this set of keys; a reader takes the keys it knows from any version. */
    public static final String KEY_TXT_VERSION = "txtvers";
    public static final String KEY_PROTOCOL = "proto";
    public static final String KEY_NAME = "name";
    public static final String KEY_ROOM = "room";
    public static final String KEY_MEMBERS = "members";
    public static final String KEY_TLS = "tls";
    public static final String KEY_PASSWORD = "password";

    public RoomAdvert {
        Objects.requireNonNull(serverName, "serverName");
        Objects.requireNonNull(room, "room");
        if (protocolVersion < UNKNOWN || protocolVersion == 0) {
            throw new IllegalArgumentException("protocol version must be positive or UNKNOWN: " + protocolVersion);
        }
        if (members < UNKNOWN) {
            throw new IllegalArgumentException("members must be 0 or more, or UNKNOWN: " + members);
        }
    }

    public RoomAdvert withMembers(int count) {
        return new RoomAdvert(protocolVersion, serverName, room, count, tls, passwordRequired);
    }

    /** The TXT record that advertises this; a name or room too long for a TXT string is cut short. */
    public TxtRecord toTxt() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put(KEY_TXT_VERSION, String.valueOf(Discovery.TXT_VERSION));
        if (protocolVersion != UNKNOWN) {
            entries.put(KEY_PROTOCOL, String.valueOf(protocolVersion));
        }
        entries.put(KEY_NAME, fit(KEY_NAME, serverName));
        entries.put(KEY_ROOM, fit(KEY_ROOM, room));
        if (members != UNKNOWN) {
            entries.put(KEY_MEMBERS, String.valueOf(members));
        }
        entries.put(KEY_TLS, tls ? "1" : "0");
        entries.put(KEY_PASSWORD, passwordRequired ? "1" : "0");
        return TxtRecord.of(entries);
    }

    /**
     * Reads an advert from a TXT record. Empty if the record has no {@code txtvers} (it is not a lanchat record, or
     * its data has not arrived yet). Missing or malformed values read as unknown, or false for the flags; unknown
     * keys are ignored, so later versions can add keys.
     */
    public static Optional<RoomAdvert> fromTxt(TxtRecord txt) {
        if (positive(txt.get(KEY_TXT_VERSION)) == UNKNOWN) {
            return Optional.empty();
        }
        String name = txt.get(KEY_NAME);
        String room = txt.get(KEY_ROOM);
        return Optional.of(new RoomAdvert(positive(txt.get(KEY_PROTOCOL)), name == null ? "" : name,
                room == null ? "" : room, count(txt.get(KEY_MEMBERS)), flag(txt, KEY_TLS), flag(txt, KEY_PASSWORD)));
    }

    private static String fit(String key, String value) {
        int room = TxtRecord.MAX_STRING_BYTES - key.length() - 1;
        if (value.getBytes(StandardCharsets.UTF_8).length <= room) {
            return value;
        }
        StringBuilder cut = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > room) {
                break;
            }
            cut.appendCodePoint(codePoint);
            bytes += size;
            i += Character.charCount(codePoint);
        }
        return cut.toString();
    }

    private static int positive(String value) {
        int number = count(value);
        return number > 0 ? number : UNKNOWN;
    }

    private static int count(String value) {
        if (value == null || value.isEmpty() || value.length() > 9 || !value.chars().allMatch(Character::isDigit)) {
            return UNKNOWN;
        }
        return Integer.parseInt(value);
    }

    /** A flag is set by {@code 1}, {@code true} or {@code yes}, or by the key alone (RFC 6763, section 6.4). */
    private static boolean flag(TxtRecord txt, String key) {
        if (!txt.has(key)) {
            return false;
        }
        String value = txt.get(key);
        return value == null || switch (value.toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes" -> true;
            default -> false;
        };
    }
}
