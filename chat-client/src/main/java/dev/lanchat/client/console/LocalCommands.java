package dev.lanchat.client.console;

import dev.lanchat.protocol.ServerMessage.CommandInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The commands the client handles itself, without the server: one table of name, argument hint, help line, what it
 * does, and what completes its argument. Dispatch, {@code /help} and completion all read it; a name in it is never
 * sent to the server. The server's own commands come from its welcome ({@link RoomState#commands()}).
 *
 * <p>Commands run on the input loop's thread; the table itself is immutable.
 */
public final class LocalCommands {

    /** Leaving is the session's business, not this table's: every way of typing it becomes {@link Input.Quit}. */
    public static final CommandInfo QUIT = new CommandInfo("quit", "[REASON]",
            "Leave the chat (typing just 'quit' works too)");

    /** What a nick can look like (the server's rules, less the look-alike checks it alone can make). */
    private static final Pattern NICK = Pattern.compile("[\\p{L}\\p{N}_.-]{1,24}");

    /** What a command does with the rest of the line; it tells the person the outcome through the console. */
    @FunctionalInterface
    interface Action {
        void run(String args, Console console);
    }

    /** One row of the table. */
    record LocalCommand(CommandInfo info, Action action, Supplier<List<String>> values) {
    }

    private final ChatView view;
    private final LocalSettings settings;
    private final RoomState state;
    private final List<LocalCommand> table;

    public LocalCommands(ChatView view, LocalSettings settings, RoomState state) {
        this.view = view;
        this.settings = settings;
        this.state = state;
        this.table = List.of(
                command("help", "", "List the commands", (args, console) -> console.info(helpText()), List::of),
                command("ignore", "[NICK]", "Hide someone's lines and private messages (alone: list who is hidden)",
                        this::ignore, this::others),
                command("unignore", "NICK", "Show someone's lines again", this::unignore, settings::ignored),
                command("quiet", "", "Hide or show arrivals, departures and nick changes", this::quiet, List::of),
                command("clear", "", "Clear the screen", this::clear, List::of),
                command("bell", "[off|mentions|all]", "When the bell rings", this::bell,
                        () -> Arrays.stream(BellMode.values()).map(BellMode::word).collect(Collectors.toList())));
    }

    private static LocalCommand command(String name, String args, String help, Action action,
                                        Supplier<List<String>> values) {
        return new LocalCommand(new CommandInfo(name, args, help), action, values);
    }

    /**
     * Runs {@code name} if it is a command of this table and returns {@code true}; returns {@code false} for any
     * other name, which is then the server's to answer.
     */
    public boolean run(String name, String args, Console console) {
        Optional<LocalCommand> command = find(name);
        command.ifPresent(c -> c.action().run(args.strip(), console));
        return command.isPresent();
    }

    /** Every command a person can type: the server's, the client's own in place of any of the same name, and quit. */
    public List<CommandInfo> all() {
        List<CommandInfo> all = new ArrayList<>();
        for (CommandInfo command : state.commands()) {
            if (find(command.name()).isEmpty()) {
                all.add(command);
            }
        }
        for (LocalCommand command : table) {
            all.add(describe(command.info()));
        }
        if (all.stream().noneMatch(c -> c.name().equals(QUIT.name()))) {
            all.add(QUIT);
        }
        return all;
    }

    /** What completes the argument of command {@code name}; empty when any nick does, or it takes none. */
    public List<String> argumentValues(String name) {
        return find(name).map(command -> command.values().get()).orElse(List.of());
    }

    /** Whether {@code name} is one of the client's own commands. */
    public boolean isLocal(String name) {
        return find(name).isPresent();
    }

    private Optional<LocalCommand> find(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return table.stream().filter(c -> c.info().name().equals(wanted)).findFirst();
    }

    /** The table's row as {@code /help} shows it, with the settings of the moment. */
    private CommandInfo describe(CommandInfo info) {
        String now = switch (info.name()) {
            case "bell" -> settings.bell().word();
            case "quiet" -> view.quiet() ? "on" : "off";
            default -> "";
        };
        return now.isEmpty() ? info : new CommandInfo(info.name(), info.args(), info.help() + " (now: " + now + ")");
    }

    String helpText() {
        List<CommandInfo> all = all();
        List<String> usages = all.stream()
                .map(command -> "/" + command.name() + (command.args().isEmpty() ? "" : " " + command.args()))
                .collect(Collectors.toList());
        int column = usages.stream().mapToInt(String::length).max().orElse(0) + 2;
        StringBuilder text = new StringBuilder("Commands (Tab completes commands and nicks):");
        for (int i = 0; i < all.size(); i++) {
            text.append("\n  ").append(String.format("%-" + column + "s%s", usages.get(i), all.get(i).help()));
        }
        text.append("\nType //text to send a line that starts with a slash.")
                .append("\nAlt-Enter starts a new line; a pasted block stays one message.")
                .append("\nCtrl-C clears the line; Ctrl-D leaves.");
        return text.toString();
    }

    private void ignore(String args, Console console) {
        if (args.isEmpty()) {
            List<String> ignored = settings.ignored();
            console.info(ignored.isEmpty() ? "You ignore nobody. /ignore NICK hides someone's lines."
                    : "You ignore " + String.join(", ", ignored) + ". /unignore NICK shows someone's lines again.");
            return;
        }
        String nick = firstWord(args);
        if (!NICK.matcher(nick).matches()) {
            console.error("'" + nick + "' is not a nickname: 1-24 letters, digits, '_', '-' or '.'.");
            return;
        }
        if (nick.equalsIgnoreCase(state.nick())) {
            console.error("You cannot ignore yourself.");
            return;
        }
        try {
            console.info(settings.ignore(nick)
                    ? "Ignoring " + nick + ": their lines and private messages are hidden here. /unignore " + nick
                            + " shows them again."
                    : nick + " is ignored already.");
        } catch (IOException e) {
            console.error("Ignoring " + nick + " until you leave; it could not be saved: " + e.getMessage());
        }
    }

    private void unignore(String args, Console console) {
        if (args.isEmpty()) {
            console.error("usage: /unignore NICK");
            return;
        }
        String nick = firstWord(args);
        try {
            console.info(settings.unignore(nick) ? "No longer ignoring " + nick + "." : nick + " is not ignored.");
        } catch (IOException e) {
            console.error("No longer ignoring " + nick + ", until you leave; it could not be saved: "
                    + e.getMessage());
        }
    }

    private void quiet(String args, Console console) {
        console.info(view.toggleQuiet()
                ? "Quiet: arrivals, departures, reconnections and nick changes are hidden. /quiet shows them again."
                : "Arrivals, departures, reconnections and nick changes are shown again.");
    }

    private void clear(String args, Console console) {
        if (!console.clearScreen()) {
            console.info("There is no screen to clear here.");
        }
    }

    private void bell(String args, Console console) {
        if (args.isEmpty()) {
            console.info(bellNow() + ". /bell off|mentions|all changes that.");
            return;
        }
        Optional<BellMode> mode = BellMode.fromWord(firstWord(args));
        if (mode.isEmpty()) {
            console.error("usage: /bell off|mentions|all");
            return;
        }
        try {
            settings.bell(mode.get());
            console.info(bellNow() + ".");
        } catch (IOException e) {
            console.error(bellNow() + " until you leave; it could not be saved: " + e.getMessage());
        }
    }

    private String bellNow() {
        return switch (settings.bell()) {
            case OFF -> "The bell is off";
            case MENTIONS -> "The bell rings for mentions and private messages";
            case ALL -> "The bell rings for every line from someone else";
        };
    }

    private List<String> others() {
        return state.members().stream().filter(nick -> !nick.equals(state.nick())).collect(Collectors.toList());
    }

    private static String firstWord(String args) {
        return args.strip().split("\\s+", 2)[0];
    }
}
