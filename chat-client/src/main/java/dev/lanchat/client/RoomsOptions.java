package dev.lanchat.client;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Every flag of {@code chat rooms}, with its default and help text. */
@Command(name = "chat rooms",
        mixinStandardHelpOptions = true,
        versionProvider = ClientOptions.VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {"Lists the chat rooms on your network: lanchat servers that advertise themselves with DNS-SD "
                + "over multicast DNS (service type _lanchat._tcp). It listens for at most --wait seconds, less once "
                + "the answers have settled, prints what it found, and exits."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:found at least one room",
                "1:found none, or there is no network interface to look on",
                "2:bad command-line arguments"},
        footer = {"", "With --json, each room is one line holding one JSON object (JSON Lines) with these fields:",
                "  name      the advertised name, unique on the LAN (may differ from server)",
                "  host      the server's IPv4 address",
                "  port      its TCP port",
                "  server    the server's own name",
                "  room      the room a newcomer enters",
                "  members   how many members are connected, or null if the server does not say",
                "  protocol  the highest protocol version it speaks, or null if it does not say",
                "  tls       true if it requires TLS",
                "  password  true if it asks for a password",
                "Nothing is printed when no room is found.",
                "", "Examples:",
                "  chat rooms                           list the rooms, one per line",
                "  chat rooms --json | jq -r .host      the addresses of the rooms", ""})
final class RoomsOptions {

    @Option(names = "--json", description = "Print one JSON object per room and line, for scripts (see below).")
    boolean json;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "2",
            description = "Listen for at most this long (default: ${DEFAULT-VALUE}); it stops earlier once the "
                    + "answers have settled.")
    int waitSeconds;

    @Option(names = "--discover-on", paramLabel = "ADDRESS",
            description = "Look only on the network of this local address (default: every network interface "
                    + "that is up).")
    String discoverOn;
}
