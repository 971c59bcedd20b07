package dev.lanchat.client.console;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the person chose in this client and keeps across runs: whom they ignore ({@code /ignore}) and when the bell
 * rings ({@code /bell}). Kept in a small text file, one {@code key=value} a line, rewritten whole on every change:
 *
 * <pre>
 * bell=mentions
 * ignore=bob
 * </pre>
 *
 * Nicks are compared ignoring case, as the server does. A file that cannot be read leaves the defaults; a change that
 * cannot be saved still holds for this run. Thread-safe: the network thread reads while the input thread changes.
 */
public final class LocalSettings {

    private static final String HEADER = "# lanchat client settings: /ignore, /unignore and /bell change them.";

    private final Path file;
    /** Ignored nicks by their lower-case form, in the order they were ignored, as the user typed them. */
    private final Map<String, String> ignored = new LinkedHashMap<>();
    private BellMode bell = BellMode.MENTIONS;

    private LocalSettings(Path file) {
        this.file = file;
    }

    /** Settings that are never saved: the defaults, for this run only. */
    public static LocalSettings inMemory() {
        return new LocalSettings(null);
    }

    /**
     * The settings kept in {@code file}; the defaults if it does not exist yet or cannot be read. Lines it does not
     * understand are skipped.
     */
    public static LocalSettings load(Path file) {
        LocalSettings settings = new LocalSettings(file);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return settings;
        } catch (IOException e) {
            return settings; // chat with the defaults rather than not at all
        }
        for (String line : lines) {
            int equals = line.indexOf('=');
            if (line.startsWith("#") || equals < 0) {
                continue;
            }
            String key = line.substring(0, equals).strip();
            String value = line.substring(equals + 1).strip();
            if (key.equals("ignore") && !value.isEmpty()) {
                settings.ignored.put(fold(value), value);
            } else if (key.equals("bell")) {
                BellMode.fromWord(value).ifPresent(mode -> settings.bell = mode);
            }
        }
        return settings;
    }

    /** The file the settings are kept in, or {@code null} if they are not saved. */
    public Path file() {
        return file;
    }

    /** Whether lines from {@code nick} are hidden. */
    public synchronized boolean isIgnored(String nick) {
        return ignored.containsKey(fold(nick));
    }

    /** The ignored nicks, in the order they were ignored. */
    public synchronized List<String> ignored() {
        return new ArrayList<>(ignored.values());
    }

    /**
     * Hides lines from {@code nick} from now on; returns {@code false} if it was ignored already.
     *
     * @throws IOException if the change, which holds for this run regardless, could not be saved
     */
    public synchronized boolean ignore(String nick) throws IOException {
        if (ignored.putIfAbsent(fold(nick), nick) != null) {
            return false;
        }
        save();
        return true;
    }

    /**
     * Shows lines from {@code nick} again; returns {@code false} if it was not ignored.
     *
     * @throws IOException if the change, which holds for this run regardless, could not be saved
     */
    public synchronized boolean unignore(String nick) throws IOException {
        if (ignored.remove(fold(nick)) == null) {
            return false;
        }
        save();
        return true;
    }

    public synchronized BellMode bell() {
        return bell;
    }

    /**
     * Sets when the bell rings.
     *
     * @throws IOException if the change, which holds for this run regardless, could not be saved
     */
    public synchronized void bell(BellMode mode) throws IOException {
        bell = mode;
        save();
    }

    private void save() throws IOException {
        if (file == null) {
            return;
        }
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        text.append("bell=").append(bell.word()).append('\n');
        for (String nick : ignored.values()) {
            text.append("ignore=").append(nick).append('\n');
        }
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        // Written beside the file and moved over it, so that a crash never leaves half a file.
        Path partial = Files.createTempFile(directory, ".settings", ".tmp");
        try {
            Files.writeString(partial, text, StandardCharsets.UTF_8);
            try {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static String fold(String nick) {
        return nick.toLowerCase(Locale.ROOT);
    }
}
