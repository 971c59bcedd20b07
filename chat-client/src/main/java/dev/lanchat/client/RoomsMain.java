package dev.lanchat.client;

import dev.lanchat.client.discovery.FoundRoom;
import dev.lanchat.client.discovery.RoomBrowser;
import java.io.PrintStream;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * {@code chat rooms}: browses the LAN for lanchat rooms, prints them (as a table, or as JSON lines with
 * {@code --json}) and exits: 0 if it found any, 1 if none, 2 on a bad flag. Logs nothing to the terminal.
 */
public final class RoomsMain {

    /** The longest {@code --wait} accepted. */
    static final int MAX_WAIT_SECONDS = 60;

    private RoomsMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        RoomsOptions options = new RoomsOptions();
        CommandLine cli = new CommandLine(options);
        List<InetAddress> browseOn;
        try {
            cli.parseArgs(args);
            if (options.waitSeconds < 1 || options.waitSeconds > MAX_WAIT_SECONDS) {
                throw new IllegalArgumentException("--wait must be between 1 and " + MAX_WAIT_SECONDS + " seconds: "
                        + options.waitSeconds);
            }
            browseOn = RoomFinder.browseAddresses(options.discoverOn);
        } catch (ParameterException | IllegalArgumentException e) {
            err.println("chat rooms: " + e.getMessage() + " (see 'chat rooms --help')");
            return 2;
        }
        if (cli.isUsageHelpRequested()) {
            cli.usage(out);
            return 0;
        }
        if (cli.isVersionHelpRequested()) {
            cli.printVersionHelp(out);
            return 0;
        }
        List<FoundRoom> rooms;
        RoomBrowser browser = RoomBrowser.start(browseOn);
        try {
            if (!browser.isBrowsing()) {
                err.println("chat rooms: no network interface with IPv4 multicast is up to look on");
                return 1;
            }
            rooms = browser.awaitSettled(Duration.ofSeconds(options.waitSeconds), RoomFinder.SETTLE_TIME);
        } finally {
            browser.closeInBackground();
        }
        if (options.json) {
            rooms.forEach(room -> out.println(RoomTable.json(room)));
        } else if (rooms.isEmpty()) {
            out.println("No chat rooms found on the LAN.");
        } else {
            out.println(rooms.size() == 1 ? "1 chat room on the LAN:" : rooms.size() + " chat rooms on the LAN:");
            RoomTable.withHeader(rooms).forEach(line -> out.println("  " + line));
            out.println("Join with: ./chat client --host ADDRESS --port PORT (or just ./chat client to choose).");
        }
        out.flush();
        return rooms.isEmpty() ? 1 : 0;
    }
}
