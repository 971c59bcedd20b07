package dev.lanchat.bench.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The loss, duplication and reordering accounting of one sender-to-receiver stream. */
class StreamTrackerTest {

    private final StreamTracker stream = new StreamTracker();

    @Test
    void aStreamReceivedInOrderIsClean() {
        receive(0, 1, 2, 3, 4);

        assertEquals(new StreamTracker.Account(5, 5, 0, 0, 0, 0), stream.finish(5));
    }

    @Test
    void nothingSentAndNothingReceivedIsClean() {
        assertEquals(new StreamTracker.Account(0, 0, 0, 0, 0, 0), stream.finish(0));
    }

    @Test
    void messagesNeverSeenAfterTheLastOneAreUndelivered() {
        receive(0, 1, 2);

        StreamTracker.Account account = stream.finish(5);

        assertEquals(2, account.undelivered());
        assertEquals(0, account.gaps());
        assertEquals(2, account.lost());
    }

    @Test
    void aSkippedMessageThatNeverComesIsLostInAGap() {
        receive(0, 1, 3, 4);

        StreamTracker.Account account = stream.finish(5);

        assertEquals(1, account.gaps());
        assertEquals(1, account.lost());
        assertEquals(0, account.reordered());
        assertEquals(4, account.received());
    }

    @Test
    void aSkippedMessageThatComesLateIsReorderedNotLost() {
        receive(0, 1, 3, 4, 2);

        StreamTracker.Account account = stream.finish(5);

        assertEquals(new StreamTracker.Account(5, 5, 0, 0, 0, 1), account);
    }

    @Test
    void lateMessagesFillAWideGapPieceByPiece() {
        receive(0, 10);
        receive(5, 1, 9, 7);

        StreamTracker.Account account = stream.finish(11);

        assertEquals(4, account.reordered());
        assertEquals(5, account.gaps(), "2, 3, 4, 6 and 8 are still missing");
        assertEquals(0, account.undelivered());
    }

    @Test
    void aMessageSeenTwiceIsADuplicate() {
        receive(0, 1);
        assertFalse(stream.record(1));
        receive(2);
        assertFalse(stream.record(0));

        assertEquals(new StreamTracker.Account(3, 3, 0, 0, 2, 0), stream.finish(3));
    }

    @Test
    void aLateMessageSeenTwiceIsReorderedOnceAndDuplicatedOnce() {
        receive(0, 2, 1);
        assertFalse(stream.record(1));

        StreamTracker.Account account = stream.finish(3);

        assertEquals(1, account.reordered());
        assertEquals(1, account.duplicates());
        assertEquals(0, account.lost());
    }

    @Test
    void aNumberBeyondWhatWasSentCountsAsADuplicate() {
        receive(0, 1, 2);

        assertEquals(1, stream.finish(2).duplicates());
    }

    @Test
    void aNegativeNumberIsNeverAFirstArrival() {
        assertFalse(stream.record(-1));
    }

    @Test
    void accountsAddUp() {
        StreamTracker.Account one = new StreamTracker.Account(1, 2, 3, 4, 5, 6);
        StreamTracker.Account two = new StreamTracker.Account(10, 20, 30, 40, 50, 60);

        assertEquals(new StreamTracker.Account(11, 22, 33, 44, 55, 66), one.plus(two));
        assertEquals(77, one.plus(two).lost());
    }

    private void receive(long... numbers) {
        for (long number : numbers) {
            assertTrue(stream.record(number), "first arrival of " + number);
        }
    }
}
