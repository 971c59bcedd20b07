package dev.lanchat.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanchat.protocol.discovery.Discovery;
import dev.lanchat.protocol.discovery.RoomAdvert;
import dev.lanchat.protocol.discovery.TxtRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the "Discovery" section of {@code PROTOCOL.md} true to {@link RoomAdvert} and {@link Discovery}. */
class DiscoveryDocumentTest {

    private static String section;

    @BeforeAll
    static void readSection() throws IOException {
        String location = System.getProperty("protocol.document", "../PROTOCOL.md");
        String document = Files.readString(Path.of(location), StandardCharsets.UTF_8);
        int start = document.indexOf("\n## Discovery\n");
        assertTrue(start >= 0, "PROTOCOL.md has no section '## Discovery'");
        int end = document.indexOf("\n## ", start + 1);
        section = document.substring(start, end < 0 ? document.length() : end);
    }

    @Test
    void theServiceTypeIsTheOneTheCodeUses() {
        String type = Discovery.SERVICE_TYPE.substring(0, Discovery.SERVICE_TYPE.length() - ".local.".length());
        assertTrue(section.contains("**Service type** `" + type + "`, in the domain `local.`"), type);
    }

    @Test
    void theKeyTableListsExactlyTheKeysAnAdvertWrites() {
        Set<String> documented = new LinkedHashSet<>();
        Matcher row = Pattern.compile("\\n\\| `([a-z]+)` \\|").matcher(section);
        while (row.find()) {
            documented.add(row.group(1));
        }
        RoomAdvert full = new RoomAdvert(1, "lab", "lobby", 3, true, true);
        assertEquals(full.toTxt().entries().keySet(), documented);
    }

    @Test
    void theTxtExampleIsWhatTheCodeWritesByteForByte() {
        Matcher block = Pattern.compile("```text txt-record\\n(.*?)\\n```", Pattern.DOTALL).matcher(section);
        assertTrue(block.find(), "the Discovery section has no txt-record example");
        byte[] shown = ProtocolDocumentTest.parseHexDump(block.group(1));
        RoomAdvert advert = RoomAdvert.fromTxt(TxtRecord.decode(shown)).orElseThrow();
        assertEquals(new RoomAdvert(1, "lab", "lobby", 3, false, false), advert);
        assertArrayEquals(advert.toTxt().encode(), shown);
    }
}
