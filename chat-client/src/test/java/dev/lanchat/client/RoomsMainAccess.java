package dev.lanchat.client;

import java.io.PrintStream;

/** Lets tests in other packages run {@code chat rooms} with their own streams. */
public final class RoomsMainAccess {

    private RoomsMainAccess() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        return RoomsMain.run(args, out, err);
    }
}
