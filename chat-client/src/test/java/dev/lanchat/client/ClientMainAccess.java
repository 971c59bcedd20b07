package dev.lanchat.client;

import java.io.InputStream;
import java.io.PrintStream;

/** Lets tests in other packages run the client's main logic with their own streams. */
public final class ClientMainAccess {

    private ClientMainAccess() {
    }

    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws InterruptedException {
        return ClientMain.run(args, in, out, err);
    }
}
