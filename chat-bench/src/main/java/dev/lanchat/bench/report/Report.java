package dev.lanchat.bench.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of one bench run, in two forms: a table for people ({@link #print}) and one line of JSON for programs
 * ({@link #jsonLine}). A scenario adds labelled rows, optional tables and notes for the first, and named values for
 * the second; JSON values are strings, numbers, booleans, null, lists and maps of these. Not thread-safe: built and
 * printed by one thread.
 */
public final class Report {

    private static final JsonFactory JSON = new JsonFactory();

    private final String title;
    private final List<String[]> rows = new ArrayList<>();
    private final List<Table> tables = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Object> json = new LinkedHashMap<>();

    public Report(String title) {
        this.title = title;
    }

    /** A labelled figure in the table. */
    public Report row(String label, String value) {
        rows.add(new String[] {label, value});
        return this;
    }

    /** A table of its own, printed after the rows, such as one line per step. */
    public Report table(String heading, List<String> columns, List<List<String>> cells) {
        tables.add(new Table(heading, List.copyOf(columns), List.copyOf(cells)));
        return this;
    }

    /** A sentence printed under the figures: a warning, or how a figure was obtained. */
    public Report note(String text) {
        notes.add(text);
        return this;
    }

    /** A value of the JSON line; a later value for the same key replaces the earlier one. */
    public Report put(String key, Object value) {
        json.put(key, value);
        return this;
    }

    /** Prints the table: title, rows, tables, notes. */
    public void print(PrintStream out) {
        out.println(title);
        int width = rows.stream().mapToInt(row -> row[0].length()).max().orElse(0);
        for (String[] row : rows) {
            out.printf(Locale.ROOT, "  %-" + width + "s  %s%n", row[0], row[1]);
        }
        for (Table table : tables) {
            out.println();
            table.print(out);
        }
        if (!notes.isEmpty()) {
            out.println();
            for (String note : notes) {
                out.println("  * " + note);
            }
        }
        out.flush();
    }

    /** The JSON values on one line, without a line break. */
    public String jsonLine() {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = JSON.createGenerator(text)) {
            write(out, json);
        } catch (IOException e) {
            // A StringWriter does not fail.
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void write(JsonGenerator out, Object value) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof Map) {
            out.writeStartObject();
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                out.writeFieldName(String.valueOf(entry.getKey()));
                write(out, entry.getValue());
            }
            out.writeEndObject();
        } else if (value instanceof List) {
            out.writeStartArray();
            for (Object item : (List<?>) value) {
                write(out, item);
            }
            out.writeEndArray();
        } else if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (Double.isFinite(number)) {
                // Three decimals are more than any figure here is worth, and keep the line readable.
                out.writeNumber(Math.round(number * 1000) / 1000.0);
            } else {
                out.writeNull();
            }
        } else if (value instanceof Number) {
            out.writeNumber(((Number) value).longValue());
        } else if (value instanceof Boolean) {
            out.writeBoolean((Boolean) value);
        } else {
            out.writeString(value.toString());
        }
    }

    /** {@code 1234567} as {@code 1,234,567}. */
    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** A rate per second, rounded to a whole number, with thousands separators. */
    public static String perSecond(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%,.0f/s", value) : "n/a";
    }

    /** Nanoseconds as milliseconds with three decimals. */
    public static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
    }

    /** Nanoseconds as milliseconds, for JSON. */
    public static double toMillis(long nanos) {
        return nanos / 1e6;
    }

    /** Seconds with one decimal. */
    public static String seconds(double value) {
        return String.format(Locale.ROOT, "%.1f s", value);
    }

    /** Kibibytes as mebibytes with one decimal. */
    public static String mebibytes(long kib) {
        return String.format(Locale.ROOT, "%.1f MiB", kib / 1024.0);
    }

    private record Table(String heading, List<String> columns, List<List<String>> cells) {

        void print(PrintStream out) {
            int[] widths = new int[columns.size()];
            for (int c = 0; c < widths.length; c++) {
                widths[c] = columns.get(c).length();
                for (List<String> row : cells) {
                    widths[c] = Math.max(widths[c], row.get(c).length());
                }
            }
            out.println("  " + heading);
            printRow(out, columns, widths);
            for (List<String> row : cells) {
                printRow(out, row, widths);
            }
        }

        private static void printRow(PrintStream out, List<String> row, int[] widths) {
            StringBuilder line = new StringBuilder("  ");
            for (int c = 0; c < widths.length; c++) {
                String cell = row.get(c);
                line.append("  ").append(" ".repeat(widths[c] - cell.length())).append(cell);
            }
            out.println(line);
        }
    }
}
