package dev.lanchat.server.netty;

import java.nio.charset.StandardCharsets;

/**
 * Recognises other protocols from the first four bytes a peer sends, which the framing reads as a length: an HTTP
 * request, a TLS hello, an SSH banner. Only for a clearer error and log line; the refusal is the same either way.
 */
final class StrangerBytes {

    private StrangerBytes() {
    }

    /** A few words naming the protocol whose first bytes read as {@code declaredLength}, or {@code null}. */
    static String describe(long declaredLength) {
        byte[] head = {(byte) (declaredLength >>> 24), (byte) (declaredLength >>> 16), (byte) (declaredLength >>> 8),
            (byte) declaredLength};
        if (head[0] == 0x16 && head[1] == 0x03) {
            return "this looks like a TLS hello, but this port speaks plain lanchat (start the server with --tls "
                    + "for TLS)";
        }
        String text = new String(head, StandardCharsets.US_ASCII);
        for (String method : new String[] {"GET ", "POST", "HEAD", "PUT ", "OPTI", "DELE", "CONN", "PATC"}) {
            if (text.equals(method)) {
                return "this looks like an HTTP request, but this is a lanchat chat server, not a web server";
            }
        }
        if (text.equals("SSH-")) {
            return "this looks like SSH, but this is a lanchat chat server";
        }
        return null;
    }
}
