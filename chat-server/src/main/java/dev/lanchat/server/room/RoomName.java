package dev.lanchat.server.room;

import dev.lanchat.protocol.ErrorCode;

/**
 * A validated room name, with the same rules as a nickname (up to {@value #MAX_LENGTH} characters) and the same
 * protection against look-alikes: {@code Games}, {@code GAMES} and {@code Ｇａｍｅｓ} are one room. A leading
 * {@code #}, as IRC users type it, is dropped. Immutable.
 */
public final class RoomName {

    /** Most characters (code points) in a room name. */
    public static final int MAX_LENGTH = 32;

    private final String display;
    private final String key;

    private RoomName(String display) {
        this.display = display;
        this.key = Names.key(display);
    }

    /**
     * @throws RuleViolation with {@link ErrorCode#BAD_ARGUMENTS} and a sentence that names the rule broken
     */
    public static RoomName of(String raw) throws RuleViolation {
        String name = raw.strip();
        if (name.startsWith("#")) {
            name = name.substring(1);
        }
        return new RoomName(Names.validate(name, "room name", MAX_LENGTH, ErrorCode.BAD_ARGUMENTS));
    }

    /** The name as its creator wrote it. */
    public String display() {
        return display;
    }

    /** The form under which room names that would look alike are the same room. */
    public String key() {
        return key;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RoomName && ((RoomName) o).key.equals(key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return display;
    }
}
