package io.voxplane.sip;

/**
 * Method names of RFC 3261 s7.1 and the common extensions (RFC 3262 PRACK, RFC 6665 SUBSCRIBE/NOTIFY,
 * RFC 3903 PUBLISH, RFC 6086 INFO, RFC 3515 REFER, RFC 3428 MESSAGE, RFC 3311 UPDATE).
 * Methods are case-sensitive (s7.1).
 */
public final class SipMethod {

    public static final String INVITE = "INVITE";
    public static final String ACK = "ACK";
    public static final String BYE = "BYE";
    public static final String CANCEL = "CANCEL";
    public static final String OPTIONS = "OPTIONS";
    public static final String REGISTER = "REGISTER";
    public static final String PRACK = "PRACK";
    public static final String SUBSCRIBE = "SUBSCRIBE";
    public static final String NOTIFY = "NOTIFY";
    public static final String PUBLISH = "PUBLISH";
    public static final String INFO = "INFO";
    public static final String REFER = "REFER";
    public static final String MESSAGE = "MESSAGE";
    public static final String UPDATE = "UPDATE";

    private SipMethod() {
    }

    /** Whether {@code method} is one of the constants above (exact, case-sensitive match). */
    public static boolean isKnown(String method) {
        return intern(method) != null;
    }

    /** The constant equal to {@code method}, or null when it is not one of them. */
    static String intern(String method) {
        return switch (method) {
            case INVITE -> INVITE;
            case ACK -> ACK;
            case BYE -> BYE;
            case CANCEL -> CANCEL;
            case OPTIONS -> OPTIONS;
            case REGISTER -> REGISTER;
            case PRACK -> PRACK;
            case SUBSCRIBE -> SUBSCRIBE;
            case NOTIFY -> NOTIFY;
            case PUBLISH -> PUBLISH;
            case INFO -> INFO;
            case REFER -> REFER;
            case MESSAGE -> MESSAGE;
            case UPDATE -> UPDATE;
            default -> null;
        };
    }
}
