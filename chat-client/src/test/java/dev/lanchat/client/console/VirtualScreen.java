package dev.lanchat.client.console;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a person would see on a terminal of fixed size after a program wrote {@code output} to it: a small model of an
 * xterm-like screen (cursor movement, erasing, insert and delete, a scroll region, saved cursor, automatic margins
 * with the delayed wrap of xterm), enough for what JLine writes with the {@code xterm-256color} capabilities. Wide
 * characters take two cells and combining marks none, as {@link Columns} counts them. Colours and modes are read and
 * ignored. For tests: assertions are about rows of text, not escape sequences.
 */
public final class VirtualScreen {

    private static final String BLANK = " ";
    /** DEC special graphics: what {@code `} to {@code ~} stand for after ESC ( 0. */
    private static final String DEC_GRAPHICS = "◆▒␉␌␍␊°±␤␋┘┐┌└┼⎺⎻─⎼⎽├┤┴┬│≤≥π≠£·";
    /** The right half of a wide character. */
    private static final String COVERED = "";

    private final int width;
    private final int height;
    private final String[][] cells;
    private int row;
    private int col;
    private boolean pendingWrap;
    private int top;
    private int bottom;
    private int savedRow;
    private int savedCol;
    private int bells;
    /** Whether G0 is the DEC special graphics set, in which JLine writes box-drawing characters. */
    private boolean lineDrawing;

    private VirtualScreen(int width, int height) {
        this.width = width;
        this.height = height;
        this.cells = new String[height][width];
        for (String[] line : cells) {
            Arrays.fill(line, BLANK);
        }
        this.bottom = height - 1;
    }

    /** The screen after {@code output} was written to a blank one. */
    public static VirtualScreen of(String output, int width, int height) {
        VirtualScreen screen = new VirtualScreen(width, height);
        screen.write(output);
        return screen;
    }

    /** Row {@code index} (0 at the top) as text, without trailing blanks. */
    public String row(int index) {
        StringBuilder text = new StringBuilder();
        for (String cell : cells[index]) {
            text.append(cell);
        }
        return text.toString().stripTrailing();
    }

    /** Every row, top to bottom. */
    public List<String> rows() {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < height; i++) {
            rows.add(row(i));
        }
        return rows;
    }

    /** The bottom row. */
    public String lastRow() {
        return row(height - 1);
    }

    /** Whether some row contains {@code text}. */
    public boolean shows(String text) {
        return rows().stream().anyMatch(r -> r.contains(text));
    }

    /** The row the cursor is on. */
    public int cursorRow() {
        return row;
    }

    /** The column the cursor is in. */
    public int cursorColumn() {
        return col;
    }

    /** How many times the bell rang. */
    public int bells() {
        return bells;
    }

    @Override
    public String toString() {
        return String.join("\n", rows());
    }

    private void write(String output) {
        for (int i = 0; i < output.length(); ) {
            int cp = output.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == 0x1b && i < output.length()) {
                i = escape(output, i);
            } else if (cp < 0x20 || cp == 0x7f) {
                control(cp);
            } else {
                print(cp);
            }
        }
    }

    private void control(int cp) {
        switch (cp) {
            case '\r' -> moveTo(row, 0);
            case '\n' -> {
                pendingWrap = false;
                lineFeed();
            }
            case '\b' -> moveTo(row, Math.max(0, col - 1));
            case '\t' -> moveTo(row, Math.min(width - 1, (col / 8 + 1) * 8));
            case 0x07 -> bells++;
            default -> {
                // Other controls move nothing on this screen.
            }
        }
    }

    /** Reads the escape sequence that starts after ESC at {@code i}; returns where the text goes on. */
    private int escape(String output, int i) {
        char kind = output.charAt(i++);
        switch (kind) {
            case '[' -> {
                int start = i;
                while (i < output.length() && (output.charAt(i) < 0x40 || output.charAt(i) > 0x7e)) {
                    i++;
                }
                if (i < output.length()) {
                    csi(output.substring(start, i), output.charAt(i));
                    i++;
                }
            }
            case ']' -> {
                while (i < output.length() && output.charAt(i) != 0x07
                        && !(output.charAt(i) == 0x1b && i + 1 < output.length() && output.charAt(i + 1) == '\\')) {
                    i++;
                }
                i += i < output.length() && output.charAt(i) == 0x1b ? 2 : 1;
            }
            case '7' -> {
                savedRow = row;
                savedCol = col;
            }
            case '8' -> moveTo(savedRow, savedCol);
            case 'M' -> {
                if (row == top) {
                    scrollDown(top, bottom, 1);
                } else {
                    moveTo(Math.max(0, row - 1), col);
                }
            }
            case '(' -> {
                if (i < output.length()) {
                    lineDrawing = output.charAt(i) == '0';
                    i++;
                }
            }
            case ')' -> i++;
            default -> {
                // Keypad modes and the like change nothing on the screen.
            }
        }
        return i;
    }

    private void csi(String parameters, char command) {
        boolean privateMode = parameters.startsWith("?") || parameters.startsWith(">") || parameters.startsWith("!");
        String[] parts = (privateMode ? parameters.substring(1) : parameters).split(";", -1);
        int n = number(parts, 0, 1);
        switch (command) {
            case 'A' -> moveTo(Math.max(row >= top ? top : 0, row - n), col);
            case 'B' -> moveTo(Math.min(row <= bottom ? bottom : height - 1, row + n), col);
            case 'C' -> moveTo(row, Math.min(width - 1, col + n));
            case 'D' -> moveTo(row, Math.max(0, col - n));
            case 'G' -> moveTo(row, clamp(n - 1, width));
            case 'H', 'f' -> moveTo(clamp(number(parts, 0, 1) - 1, height), clamp(number(parts, 1, 1) - 1, width));
            case 'J' -> eraseDisplay(number(parts, 0, 0));
            case 'K' -> eraseLine(number(parts, 0, 0));
            case 'L' -> {
                if (row >= top && row <= bottom) {
                    scrollDown(row, bottom, n);
                }
            }
            case 'M' -> {
                if (row >= top && row <= bottom) {
                    scrollUp(row, bottom, n);
                }
            }
            case 'P' -> deleteChars(n);
            case '@' -> insertChars(n);
            case 'X' -> {
                for (int c = col; c < Math.min(width, col + n); c++) {
                    cells[row][c] = BLANK;
                }
            }
            case 'S' -> scrollUp(top, bottom, n);
            case 'T' -> scrollDown(top, bottom, n);
            case 'r' -> {
                if (!privateMode) {
                    top = clamp(number(parts, 0, 1) - 1, height);
                    bottom = clamp(number(parts, 1, height) - 1, height);
                    moveTo(0, 0);
                }
            }
            default -> {
                // Colours (m), modes (h, l) and reports leave the screen as it is.
            }
        }
    }

    private static int number(String[] parts, int index, int fallback) {
        if (index >= parts.length || parts[index].isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(parts[index]);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static int clamp(int value, int size) {
        return Math.max(0, Math.min(size - 1, value));
    }

    private void moveTo(int newRow, int newCol) {
        row = newRow;
        col = newCol;
        pendingWrap = false;
    }

    private void print(int cp) {
        if (lineDrawing && cp >= 0x60 && cp <= 0x7e) {
            cp = DEC_GRAPHICS.charAt(cp - 0x60);
        }
        int w = Columns.of(cp);
        String text = new String(Character.toChars(cp));
        if (w == 0) {
            // A combining mark or joiner belongs to the character before it.
            int at = pendingWrap ? col : Math.max(0, col - 1);
            while (at > 0 && cells[row][at].equals(COVERED)) {
                at--;
            }
            cells[row][at] = cells[row][at] + text;
            return;
        }
        if (pendingWrap || col + w > width) {
            pendingWrap = false;
            col = 0;
            lineFeed();
        }
        cells[row][col] = text;
        if (w == 2) {
            cells[row][col + 1] = COVERED;
        }
        col += w;
        if (col >= width) {
            col = width - 1;
            pendingWrap = true;
        }
    }

    private void lineFeed() {
        if (row == bottom) {
            scrollUp(top, bottom, 1);
        } else if (row < height - 1) {
            row++;
        }
    }

    private void scrollUp(int from, int to, int n) {
        for (int i = 0; i < n; i++) {
            for (int r = from; r < to; r++) {
                cells[r] = cells[r + 1];
            }
            cells[to] = blankRow();
        }
    }

    private void scrollDown(int from, int to, int n) {
        for (int i = 0; i < n; i++) {
            for (int r = to; r > from; r--) {
                cells[r] = cells[r - 1];
            }
            cells[from] = blankRow();
        }
    }

    private String[] blankRow() {
        String[] blank = new String[width];
        Arrays.fill(blank, BLANK);
        return blank;
    }

    private void eraseDisplay(int mode) {
        if (mode == 2 || mode == 3) {
            for (int r = 0; r < height; r++) {
                cells[r] = blankRow();
            }
            return;
        }
        eraseLine(mode);
        if (mode == 0) {
            for (int r = row + 1; r < height; r++) {
                cells[r] = blankRow();
            }
        } else {
            for (int r = 0; r < row; r++) {
                cells[r] = blankRow();
            }
        }
    }

    private void eraseLine(int mode) {
        int from = mode == 0 ? col : 0;
        int to = mode == 1 ? col + 1 : width;
        for (int c = from; c < Math.min(width, to); c++) {
            cells[row][c] = BLANK;
        }
    }

    private void deleteChars(int n) {
        String[] line = cells[row];
        for (int c = col; c < width; c++) {
            line[c] = c + n < width ? line[c + n] : BLANK;
        }
    }

    private void insertChars(int n) {
        String[] line = cells[row];
        for (int c = width - 1; c >= col; c--) {
            line[c] = c - n >= col ? line[c - n] : BLANK;
        }
    }
}
