package dev.lanchat.server.room;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's bans and mutes, by IP address, so that they hold across reconnects and new nicknames. Bans are
 * checked by the transport before a connection gets any chat state, from every event loop; mutes by the hub. Bans
 * are kept in a file when the server has a data directory, so they survive restarts too. Thread-safe.
 */
public final class Moderation {

    private static final Logger log = LoggerFactory.getLogger(Moderation.class);

    /**
     * A ban: who (the nickname, if the ban named one), until when ({@code null}: until lifted).
     */
    public record Ban(String address, String nick, Instant until) {
    }

    private final Clock clock;
    private final Path file;
    private final Map<String, Ban> bans = new ConcurrentHashMap<>();
    private final Map<String, Instant> mutes = new ConcurrentHashMap<>();

    /** @param file where bans are kept, or {@code null} to keep them in memory only */
    public Moderation(Clock clock, Path file) {
        this.clock = clock;
        this.file = file;
        load();
    }

    /** The ban on {@code address}, if one is in force. */
    public Ban banOf(String address) {
        Ban ban = bans.get(address);
        if (ban != null && ban.until() != null && !clock.instant().isBefore(ban.until())) {
            bans.remove(address, ban);
            save();
            return null;
        }
        return ban;
    }

    Ban ban(String address, String nick, Duration duration) {
        Ban ban = new Ban(address, nick, duration == null ? null : clock.instant().plus(duration));
        bans.put(address, ban);
        save();
        return ban;
    }

    /** Lifts the ban on an address, or on the address a nickname was banned under; returns the lifted ban. */
    Ban unban(String addressOrNick) {
        Ban lifted = bans.remove(addressOrNick);
        if (lifted == null) {
            for (Ban ban : bans.values()) {
                if (ban.nick().equalsIgnoreCase(addressOrNick)) {
                    lifted = bans.remove(ban.address());
                    break;
                }
            }
        }
        if (lifted != null) {
            save();
        }
        return lifted;
    }

    List<Ban> bans() {
        List<Ban> list = new ArrayList<>();
        for (Ban ban : new ArrayList<>(bans.values())) {
            if (banOf(ban.address()) != null) {
                list.add(ban);
            }
        }
        list.sort(Comparator.comparing(Ban::address));
        return list;
    }

    Instant mute(String address, Duration duration) {
        Instant until = clock.instant().plus(duration);
        mutes.put(address, until);
        return until;
    }

    boolean unmute(String address) {
        return mutes.remove(address) != null;
    }

    /** Until when {@code address} is muted, or {@code null} if it is not. */
    Instant mutedUntil(String address) {
        Instant until = mutes.get(address);
        if (until != null && !clock.instant().isBefore(until)) {
            mutes.remove(address, until);
            return null;
        }
        return until;
    }

    private void load() {
        if (file == null || !Files.exists(file)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] parts = line.split("\t", -1);
                if (parts.length == 3 && !line.startsWith("#")) {
                    Instant until = parts[2].isEmpty() ? null : Instant.parse(parts[2]);
                    bans.put(parts[0], new Ban(parts[0], parts[1], until));
                }
            }
        } catch (IOException | RuntimeException e) {
            log.warn("cannot read the bans in {}: {}", file, e.getMessage());
        }
    }

    private synchronized void save() {
        if (file == null) {
            return;
        }
        StringBuilder text = new StringBuilder("# lanchat bans: address, nickname, until (empty: until lifted)\n");
        for (Ban ban : bans.values()) {
            text.append(ban.address()).append('\t').append(ban.nick()).append('\t')
                    .append(ban.until() == null ? "" : ban.until().toString()).append('\n');
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".new");
            Files.writeString(partial, text, StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("cannot save the bans to {}: {}", file, e.getMessage());
        }
    }
}
