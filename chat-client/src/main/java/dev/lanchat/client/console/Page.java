package dev.lanchat.client.console;

import java.time.LocalDate;

/**
 * Where rendered lines go: how wide the terminal is, and the day of the last line already there. The {@link Renderer}
 * wraps to the width and puts a date line before a line from another day. Immutable.
 *
 * @param width the width in columns to wrap at; 0 or less for none (a pipe, or a width not known)
 * @param day   the local day of the last timestamped line shown, or {@code null} if none is known
 */
public record Page(int width, LocalDate day) {

    /** No wrapping, and no date line before the first timestamped line. */
    public static final Page UNBOUNDED = new Page(0, null);
}
