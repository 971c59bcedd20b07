package dev.lanchat.client.console;

import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/**
 * Breaks a styled line into rows that fit a terminal's width, measured in display {@link Columns}, so that wide
 * characters and emoji count for what they take. Rows break between words where there is a space, and inside a
 * word only when it is longer than a row; a combining mark or joiner stays with the character it belongs to.
 * Continuation rows hang: they are indented under the text, past the prefix (time and nick) of the first row.
 * Stateless.
 */
public final class LineWrap {

    /** Below this many columns for the text beside the indent, continuation rows start at the left edge instead. */
    static final int MIN_TEXT_COLUMNS = 16;

    private LineWrap() {
    }

    /**
     * The rows of {@code line} at most {@code width} columns wide; {@code line} alone if it fits or if {@code width}
     * is not positive (no known width).
     *
     * @param indent the column where the text of the line starts: continuation rows are indented that far, and the
     *               first row breaks only after it, so a prefix is never left alone on its row
     */
    public static List<AttributedString> hanging(AttributedString line, int width, int indent) {
        if (width <= 0 || Columns.of(line) <= width) {
            return List.of(line);
        }
        int hang = width - indent >= MIN_TEXT_COLUMNS ? Math.max(0, indent) : 0;
        String pad = " ".repeat(hang);
        List<AttributedString> rows = new ArrayList<>();
        int start = 0;
        boolean first = true;
        while (start < line.length()) {
            int end = rowEnd(line, start, first ? 0 : hang, width, first ? indent : 0, hang);
            AttributedString row = line.subSequence(start, trimEnd(line, start, end));
            rows.add(first ? row : new AttributedStringBuilder().append(pad).append(row).toAttributedString());
            first = false;
            start = skipSpaces(line, end);
        }
        return rows;
    }

    /**
     * Where the row that starts at {@code start} ends (exclusive): before the last space that leaves the row within
     * {@code width}, or, if there is none past {@code textColumn} or the word after it would not fit a row of its
     * own either, just before the first character that does not fit.
     */
    private static int rowEnd(AttributedString line, int start, int startColumn, int width, int textColumn, int hang) {
        int column = startColumn;
        int lastSpace = -1;
        boolean content = false;
        for (int i = start; i < line.length(); ) {
            int cp = Character.codePointAt(line, i);
            int w = line.isHidden(i) ? 0 : Columns.of(cp);
            if (cp == ' ' && content && column >= textColumn) {
                lastSpace = i;
            }
            if (w > 0 && column + w > width && i > start) {
                // A word too long for any row is broken where the row is full rather than moved to the next row.
                boolean wordFitsARow = lastSpace > start && wordColumns(line, lastSpace + 1) <= width - hang;
                return wordFitsARow ? lastSpace : i;
            }
            content |= cp != ' ';
            column += w;
            i += Character.charCount(cp);
        }
        return line.length();
    }

    /** The columns of the word that starts at {@code from}, up to the next space. */
    private static int wordColumns(AttributedString line, int from) {
        int end = from;
        while (end < line.length() && line.charAt(end) != ' ') {
            end++;
        }
        return Columns.of(line.subSequence(from, end));
    }

    private static int trimEnd(AttributedString line, int start, int end) {
        while (end > start && line.charAt(end - 1) == ' ') {
            end--;
        }
        return end;
    }

    private static int skipSpaces(AttributedString line, int from) {
        while (from < line.length() && line.charAt(from) == ' ') {
            from++;
        }
        return from;
    }
}
