package dev.lanchat.client.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InputParserTest {

    static Stream<Arguments> lines() {
        return Stream.of(
                Arguments.of("hello", new Input.Text("hello")),
                Arguments.of("  indented", new Input.Text("  indented")),
                Arguments.of("", new Input.Nothing()),
                Arguments.of("   ", new Input.Nothing()),
                Arguments.of("quit", new Input.Quit("")),
                Arguments.of("  QUIT ", new Input.Quit("")),
                Arguments.of("quit now", new Input.Text("quit now")),
                Arguments.of("/quit see you", new Input.Quit("see you")),
                Arguments.of("/exit", new Input.Quit("")),
                Arguments.of("/help", new Input.Command("help", "")),
                Arguments.of("/msg bob  hi there", new Input.Command("msg", "bob  hi there")),
                Arguments.of("/WHO", new Input.Command("who", "")),
                Arguments.of("//shrug", new Input.Text("/shrug")),
                Arguments.of("/", new Input.Text("/")),
                Arguments.of("paste\nwith lines\n", new Input.Text("paste\nwith lines")),
                Arguments.of("esc\u001b[31mred", new Input.Text("esc[31mred")));
    }

    @ParameterizedTest
    @MethodSource("lines")
    void lineIsReadAsExpected(String line, Input expected) {
        assertEquals(expected, InputParser.parse(line));
    }
}
