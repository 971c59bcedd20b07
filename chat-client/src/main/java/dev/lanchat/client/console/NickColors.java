package dev.lanchat.client.console;

import java.util.Locale;
import org.jline.utils.AttributedStyle;

/**
 * A stable colour per nickname: the same nick gets the same colour in every client and every session, so people
 * recognise each other at a glance. Uses only the 16 basic colours, which every colour terminal has, and leaves
 * out black, white and the dim blue that is hard to read on dark backgrounds. Stateless.
 */
public final class NickColors {

    private static final int[] PALETTE = {
        AttributedStyle.RED, AttributedStyle.GREEN, AttributedStyle.YELLOW, AttributedStyle.MAGENTA,
        AttributedStyle.CYAN,
        AttributedStyle.RED | AttributedStyle.BRIGHT, AttributedStyle.GREEN | AttributedStyle.BRIGHT,
        AttributedStyle.YELLOW | AttributedStyle.BRIGHT, AttributedStyle.BLUE | AttributedStyle.BRIGHT,
        AttributedStyle.MAGENTA | AttributedStyle.BRIGHT, AttributedStyle.CYAN | AttributedStyle.BRIGHT,
    };

    private NickColors() {
    }

    /** The colour (a JLine colour index) for {@code nick}; case does not matter. */
    public static int colorOf(String nick) {
        // FNV-1a over the lower-cased nick: stable across runs and JVMs, unlike String.hashCode's use elsewhere.
        int hash = 0x811C9DC5;
        for (byte b : nick.toLowerCase(Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            hash ^= b & 0xFF;
            hash *= 0x01000193;
        }
        return PALETTE[Math.floorMod(hash, PALETTE.length)];
    }

    public static AttributedStyle styleOf(String nick) {
        return AttributedStyle.DEFAULT.foreground(colorOf(nick));
    }
}
