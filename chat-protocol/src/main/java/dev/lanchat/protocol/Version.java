package dev.lanchat.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The software version of this build, as the {@code --version} flags and the hello's client field show it. */
public final class Version {

    private static final String VERSION = load();

    private Version() {
    }

    /** The version, such as {@code 0.1.0}. */
    public static String current() {
        return VERSION;
    }

    private static String load() {
        Properties properties = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version", "unknown");
    }
}
