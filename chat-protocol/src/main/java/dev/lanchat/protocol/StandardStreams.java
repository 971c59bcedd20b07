package dev.lanchat.protocol;

import java.io.Console;
import java.lang.reflect.Method;

/** What both programs ask of the process they run in (not part of the wire protocol, but shared by both sides). */
public final class StandardStreams {

    private StandardStreams() {
    }

    /**
     * Whether stdin and stdout are both a terminal. Up to Java 21 that is exactly when {@link System#console()}
     * exists; from Java 22 a console always exists and {@code Console.isTerminal()} tells.
     */
    public static boolean areTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
