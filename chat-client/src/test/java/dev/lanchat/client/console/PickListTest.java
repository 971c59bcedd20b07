package dev.lanchat.client.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PickListTest {

    /** Plays keys on a list: {@code u} up, {@code d} down, {@code e} Enter, {@code b} backspace, {@code q} cancel. */
    private static PickList play(int size, String keys) {
        PickList list = new PickList(size);
        for (char key : keys.toCharArray()) {
            switch (key) {
                case 'u' -> list.up();
                case 'd' -> list.down();
                case 'e' -> list.enter();
                case 'b' -> list.backspace();
                case 'q' -> list.cancel();
                default -> list.digit(key - '0');
            }
        }
        return list;
    }

    @ParameterizedTest(name = "{0} items, keys ''{1}'': item {2}")
    @CsvSource({
        "3, e, 0",
        "3, dde, 2",
        "3, ddde, 0",
        "3, ue, 2",
        "3, 2, 1",
        "3, 3, 2",
        "12, 1e, 0",
        "12, 12, 11",
        "12, 10, 9",
        "12, 2, 1",
        "12, 1b2, 1",
        "12, 1de, 1",
    })
    void choosesByArrowsOrNumber(int size, String keys, int chosen) {
        PickList list = play(size, keys);
        assertEquals(PickList.State.CHOSEN, list.state());
        assertEquals(chosen, list.cursor());
    }

    @Test
    void aNumberThatCouldGrowWaitsForTheNextDigitOrEnter() {
        PickList list = play(12, "1");
        assertEquals(PickList.State.CHOOSING, list.state());
        assertEquals("1", list.typed());
        assertEquals(0, list.cursor());
    }

    @Test
    void aDigitWithoutAnItemIsIgnored() {
        PickList list = play(3, "904");
        assertEquals(PickList.State.CHOOSING, list.state());
        assertEquals("", list.typed());
        assertEquals(0, list.cursor());
    }

    @Test
    void aDigitThatCannotExtendTheNumberStartsANewOne() {
        PickList list = play(12, "15");
        assertEquals(PickList.State.CHOSEN, list.state());
        assertEquals(4, list.cursor(), "15 has no item, so the 5 is item 5");
    }

    @Test
    void cancellingEndsTheChoiceAndLaterKeysChangeNothing() {
        PickList list = play(3, "dqde2");
        assertEquals(PickList.State.CANCELLED, list.state());
        assertEquals(1, list.cursor());
    }

    @Test
    void aListNeedsItems() {
        assertThrows(IllegalArgumentException.class, () -> new PickList(0));
    }
}
