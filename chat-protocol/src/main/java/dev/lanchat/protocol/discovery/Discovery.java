package dev.lanchat.protocol.discovery;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Constants of LAN discovery that servers and clients must agree on: plain DNS-SD (RFC 6763) over multicast DNS
 * (RFC 6762), so any standard browser ({@code avahi-browse}, {@code dns-sd -B}) sees lanchat servers too.
 * {@code PROTOCOL.md}, section "Discovery", documents them.
 */
public final class Discovery {

    /** The DNS-SD service type a lanchat server registers, fully qualified as multicast DNS libraries want it. */
    public static final String SERVICE_TYPE = "_lanchat._tcp.local.";

    /** The version of the TXT keys that {@link RoomAdvert} writes. */
    public static final int TXT_VERSION = 1;

    /** Longest DNS label, in bytes. */
    private static final int MAX_LABEL = 63;

    private Discovery() {
    }

    /**
     * The DNS-SD instance name for a server called {@code serverName}. An instance name is one DNS label, at most
     * 63 bytes of UTF-8; multicast DNS libraries do not escape dots in it, so they become hyphens, and control
     * characters are dropped. The TXT record's {@code name} keeps the name as it is.
     */
    public static String instanceName(String serverName) {
        StringBuilder name = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < serverName.length(); ) {
            int codePoint = serverName.codePointAt(i);
            i += Character.charCount(codePoint);
            if (Character.isISOControl(codePoint)) {
                continue;
            }
            String text = codePoint == '.' ? "-" : new String(Character.toChars(codePoint));
            int size = text.getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > MAX_LABEL) {
                break;
            }
            name.append(text);
            bytes += size;
        }
        String trimmed = name.toString().strip();
        while (trimmed.startsWith("_")) {
            trimmed = trimmed.substring(1); // a leading underscore marks a service type, not an instance
        }
        return trimmed.isEmpty() ? "lanchat" : trimmed;
    }

    /**
     * A DNS host label made from {@code name}: lower-case letters, digits and hyphens, as multicast DNS host names
     * ({@code label.local.}) are conventionally written. Anything else becomes a hyphen; an empty result becomes
     * {@code fallback}.
     */
    public static String hostLabel(String name, String fallback) {
        StringBuilder label = new StringBuilder();
        for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
            boolean plain = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (plain) {
                label.append(c);
            } else if (label.length() > 0 && label.charAt(label.length() - 1) != '-') {
                label.append('-');
            }
            if (label.length() == MAX_LABEL) {
                break;
            }
        }
        while (label.length() > 0 && label.charAt(label.length() - 1) == '-') {
            label.setLength(label.length() - 1);
        }
        return label.length() == 0 ? fallback : label.toString();
    }
}
