package io.voxplane.media.dtmf;

/** The DTMF event codes of RFC 4733 s3.2 and their keypad characters. */
public final class DtmfDigits {

    private static final String KEYS = "0123456789*#ABCD";

    private DtmfDigits() {
    }

    /** Event code of a keypad character (case-insensitive A-D). */
    public static int toEvent(char c) {
        int i = KEYS.indexOf(Character.toUpperCase(c));
        if (i < 0) {
            throw new IllegalArgumentException("not a DTMF key: '" + c + "'");
        }
        return i;
    }

    /** The keypad character of an event code, or 0 for codes above 15. */
    public static char toChar(int event) {
        return event >= 0 && event < KEYS.length() ? KEYS.charAt(event) : 0;
    }
}
