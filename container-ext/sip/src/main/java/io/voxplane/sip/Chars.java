package io.voxplane.sip;

/** Character classes of the RFC 3261 s25.1 grammar, as lookup tables (no regex on the parse path). */
final class Chars {

    private static final boolean[] TOKEN = new boolean[128];
    private static final boolean[] WORD = new boolean[128];
    private static final boolean[] UNRESERVED = new boolean[128];
    private static final boolean[] HOST = new boolean[128];
    private static final boolean[] USER = new boolean[128];
    private static final boolean[] PARAM = new boolean[128];

    static {
        for (int c = 'a'; c <= 'z'; c++) {
            TOKEN[c] = true;
        }
        for (int c = 'A'; c <= 'Z'; c++) {
            TOKEN[c] = true;
        }
        for (int c = '0'; c <= '9'; c++) {
            TOKEN[c] = true;
        }
        for (char c : "-.!%*_+`'~".toCharArray()) {
            TOKEN[c] = true;
        }
        System.arraycopy(TOKEN, 0, WORD, 0, 128);
        for (char c : "()<>:\\\"/[]?{}".toCharArray()) {
            WORD[c] = true;
        }
        for (int c = 0; c < 128; c++) {
            UNRESERVED[c] = isAlphaNum(c);
        }
        for (char c : "-_.!~*'()".toCharArray()) {
            UNRESERVED[c] = true;
        }
        for (int c = 0; c < 128; c++) {
            HOST[c] = isAlphaNum(c) || c == '-' || c == '.' || c == '_';
            USER[c] = UNRESERVED[c] || "%&=+$,;?/".indexOf(c) >= 0;
            PARAM[c] = UNRESERVED[c] || "%[]/:&+$?".indexOf(c) >= 0;
        }
    }

    /** hostname characters (alphanum, '-', '.'; '_' tolerated as many deployments use it). */
    static boolean isHostChar(int c) {
        return c < 128 && HOST[c];
    }

    /** user = 1*( unreserved / escaped / user-unreserved ) (s25.1). */
    static boolean isUserChar(int c) {
        return c < 128 && USER[c];
    }

    /** paramchar / hnv-unreserved / unreserved / escaped: both sets, which tel URIs also fit. */
    static boolean isParamChar(int c) {
        return c < 128 && PARAM[c];
    }

    private Chars() {
    }

    static boolean isTokenChar(int c) {
        return c < 128 && c >= 0 && TOKEN[c];
    }

    static boolean isWordChar(int c) {
        return c < 128 && c >= 0 && WORD[c];
    }

    static boolean isUnreserved(int c) {
        return c < 128 && c >= 0 && UNRESERVED[c];
    }

    static boolean isToken(CharSequence s) {
        int n = s.length();
        if (n == 0) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (!isTokenChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    static boolean isHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    static int hexValue(int c) {
        if (c <= '9') {
            return c - '0';
        }
        return (c | 0x20) - 'a' + 10;
    }

    static boolean isAlpha(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isAlphaNum(int c) {
        return isAlpha(c) || isDigit(c);
    }
}
