package dev.lanchat.client.console;

/**
 * The state of a choice among numbered items, as keys change it: the arrow keys move a cursor (wrapping at the
 * ends), Enter takes the item under it, and digits type an item's number. A number is taken as soon as no longer
 * number could start with it (with 3 items, {@code 2} is taken at once; with 12, {@code 1} waits for a second digit or
 * Enter). Pure: no terminal, so the picking logic is tested on its own. Not thread-safe: one input thread.
 */
public final class PickList {

    /** Where the choice stands. */
    public enum State { CHOOSING, CHOSEN, CANCELLED }

    private final int size;
    private int cursor;
    private String typed = "";
    private State state = State.CHOOSING;

    public PickList(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("nothing to choose from: " + size + " items");
        }
        this.size = size;
    }

    /** The item under the cursor, from 0. */
    public int cursor() {
        return cursor;
    }

    /** The digits typed so far towards a number, or empty. */
    public String typed() {
        return typed;
    }

    public State state() {
        return state;
    }

    public void up() {
        move(-1);
    }

    public void down() {
        move(1);
    }

    /** A digit key: extends the number being typed, or starts a new one if the longer number has no item. */
    public void digit(int digit) {
        if (state != State.CHOOSING || digit < 0 || digit > 9) {
            return;
        }
        String longer = typed + digit;
        if (!isItem(longer)) {
            longer = String.valueOf(digit);
            if (!isItem(longer)) {
                return;
            }
        }
        typed = longer;
        int number = Integer.parseInt(typed);
        cursor = number - 1;
        if ((long) number * 10 > size) {
            state = State.CHOSEN;
        }
    }

    /** Takes back the last digit typed. */
    public void backspace() {
        if (state != State.CHOOSING || typed.isEmpty()) {
            return;
        }
        typed = typed.substring(0, typed.length() - 1);
        if (!typed.isEmpty()) {
            cursor = Integer.parseInt(typed) - 1;
        }
    }

    /** Takes the item under the cursor, which is the number typed if there is one. */
    public void enter() {
        if (state == State.CHOOSING) {
            state = State.CHOSEN;
        }
    }

    public void cancel() {
        if (state == State.CHOOSING) {
            state = State.CANCELLED;
        }
    }

    private void move(int step) {
        if (state != State.CHOOSING) {
            return;
        }
        typed = "";
        cursor = Math.floorMod(cursor + step, size);
    }

    private boolean isItem(String digits) {
        if (digits.length() > 9 || digits.startsWith("0")) {
            return false;
        }
        int number = Integer.parseInt(digits);
        return number >= 1 && number <= size;
    }
}
