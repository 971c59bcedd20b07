package dev.lanchat.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Keeps {@code PROTOCOL.md} true to the code: every example there is a JSON block followed by its frame in hex, and
 * each must decode with the codec, re-encode to exactly the same text, and frame to exactly the bytes shown. Every
 * message kind, error code and leave reason the code knows must be documented.
 */
class ProtocolDocumentTest {

    private static final Pattern EXAMPLE = Pattern.compile(
            "```json (client|server)\\n(.*?)\\n```\\s*```hex\\n(.*?)\\n```", Pattern.DOTALL);

    private static String document;
    private static final List<Example> examples = new ArrayList<>();

    record Example(String direction, String json, byte[] frame) {
    }

    @BeforeAll
    static void readDocument() throws IOException {
        String location = System.getProperty("protocol.document", "../PROTOCOL.md");
        document = Files.readString(Path.of(location), StandardCharsets.UTF_8);
        Matcher matcher = EXAMPLE.matcher(document);
        while (matcher.find()) {
            examples.add(new Example(matcher.group(1), matcher.group(2), parseHexDump(matcher.group(3))));
        }
    }

    @TestFactory
    List<DynamicTest> everyExampleMatchesTheCodecByteForByte() {
        assertFalse(examples.isEmpty(), "no examples found in PROTOCOL.md");
        List<DynamicTest> tests = new ArrayList<>();
        for (Example example : examples) {
            tests.add(DynamicTest.dynamicTest(example.direction() + " " + example.json(), () -> {
                String reencoded = example.direction().equals("client")
                        ? MessageCodec.encode(MessageCodec.decodeClientMessage(example.json()))
                        : MessageCodec.encode(MessageCodec.decodeServerMessage(example.json()));
                assertEquals(example.json(), reencoded, "the JSON shown is not what the codec writes");
                assertArrayEquals(frameOf(example.json()), example.frame(), "the hex shown is not the frame");
            }));
        }
        return tests;
    }

    @Test
    void everyMessageKindHasAnExample() throws ProtocolException {
        Set<String> client = new HashSet<>();
        Set<String> server = new HashSet<>();
        for (Example example : examples) {
            if (example.direction().equals("client")) {
                client.add(MessageCodec.typeOf(MessageCodec.decodeClientMessage(example.json())));
            } else {
                server.add(MessageCodec.typeOf(MessageCodec.decodeServerMessage(example.json())));
            }
        }
        assertEquals(Set.copyOf(MessageCodec.clientTypes()), client);
        assertEquals(Set.copyOf(MessageCodec.serverTypes()), server);
    }

    @Test
    void everyErrorCodeIsDocumentedWithWhetherItCloses() {
        for (ErrorCode code : ErrorCode.values()) {
            String row = "| `" + code.wireName() + "` | " + (code.closesConnection() ? "yes" : "no") + " |";
            assertTrue(document.contains(row), "PROTOCOL.md lacks the error code row: " + row);
        }
    }

    @Test
    void everyLeaveReasonIsDocumented() {
        for (LeaveReason reason : LeaveReason.values()) {
            assertTrue(document.contains("| `" + reason.wireName() + "` |"),
                    "PROTOCOL.md lacks the leave reason " + reason.wireName());
        }
    }

    @Test
    void documentedLimitsAreTheCodesLimits() {
        assertTrue(document.contains("| frame payload, client → server, before the welcome | "
                + Protocol.HANDSHAKE_MAX_FRAME_BYTES + " bytes |"));
        assertTrue(document.contains("(default " + Protocol.DEFAULT_MAX_FRAME_BYTES + " bytes)"));
        assertTrue(document.contains("| frame payload, server → client | " + Protocol.SERVER_MAX_FRAME_BYTES
                + " bytes |"));
        assertTrue(document.contains("port **" + Protocol.DEFAULT_PORT + "**"));
        assertTrue(document.contains("# The lanchat protocol, version " + Protocol.VERSION));
    }

    private static byte[] frameOf(String json) {
        byte[] payload = json.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(Protocol.LENGTH_FIELD_BYTES + payload.length)
                .putInt(payload.length).put(payload).array();
    }

    /** Reads lines like {@code 0010: 22 2c 22 74 ... |","text"|}: the hex bytes between the colon and the bar. */
    static byte[] parseHexDump(String dump) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (String line : dump.split("\n")) {
            String hex = line.substring(line.indexOf(':') + 1, line.indexOf('|')).trim();
            for (String pair : hex.split("\\s+")) {
                bytes.write(Integer.parseInt(pair, 16));
            }
        }
        return bytes.toByteArray();
    }
}
