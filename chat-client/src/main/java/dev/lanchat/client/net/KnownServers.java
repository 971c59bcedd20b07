package dev.lanchat.client.net;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The certificate fingerprints of TLS servers this user has connected to, like SSH's {@code known_hosts}: one line
 * per server, {@code host:port fingerprint}. Lines it cannot read are kept and ignored. Thread-safe.
 */
public final class KnownServers {

    private final Path file;

    public KnownServers(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** The fingerprint pinned for {@code server} ({@code host:port}), or {@code null} if none. */
    public synchronized String get(String server) throws IOException {
        return read().get(server.toLowerCase(Locale.ROOT));
    }

    /** Pins {@code fingerprint} for {@code server}, replacing what was there. */
    public synchronized void put(String server, String fingerprint) throws IOException {
        Map<String, String> pins = read();
        pins.put(server.toLowerCase(Locale.ROOT), fingerprint);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        StringBuilder text = new StringBuilder("# lanchat: TLS certificate fingerprints of servers, pinned on first "
                + "connection\n");
        pins.forEach((key, value) -> text.append(key).append(' ').append(value).append('\n'));
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    }

    private Map<String, String> read() throws IOException {
        Map<String, String> pins = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return pins;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split("\\s+");
            if (parts.length == 2) {
                pins.put(parts[0].toLowerCase(Locale.ROOT), parts[1]);
            }
        }
        return pins;
    }

    /**
     * A fingerprint in the canonical form {@code SHA256:AB:CD:...}, from what a person may type: with or without the
     * prefix, colons or spaces, in any case.
     *
     * @throws IllegalArgumentException if it is not 32 bytes of hex
     */
    public static String normalise(String typed) {
        String hex = typed.strip();
        if (hex.regionMatches(true, 0, "SHA256:", 0, 7)) {
            hex = hex.substring(7);
        }
        hex = hex.replaceAll("[\\s:]", "").toUpperCase(Locale.ROOT);
        if (!hex.matches("[0-9A-F]{64}")) {
            throw new IllegalArgumentException("a fingerprint is 64 hex digits, as the server prints it: " + typed);
        }
        StringBuilder canonical = new StringBuilder("SHA256:");
        for (int i = 0; i < hex.length(); i += 2) {
            canonical.append(i == 0 ? "" : ":").append(hex, i, i + 2);
        }
        return canonical.toString();
    }
}
