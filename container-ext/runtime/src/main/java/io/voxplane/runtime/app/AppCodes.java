package io.voxplane.runtime.app;

/**
 * The searchable codes of the app model. Deployment failures (VXAPP-00x) start their message
 * with the code; runtime codes (VXAPP-1xx) appear in logs and reason phrases.
 */
public final class AppCodes {

    /** A handler method has the wrong signature (return type, parameters, static). */
    public static final String BAD_SIGNATURE = "VXAPP-001";
    /** A handler annotation on a method of a class that is not a {@code @SipApplication}. */
    public static final String NOT_AN_APP = "VXAPP-002";
    /** Two handlers for the same method or response class in one app. */
    public static final String DUPLICATE_HANDLER = "VXAPP-003";
    /** Two apps claim the same route (methods and Request-URI pattern) with the same priority. */
    public static final String ROUTE_CONFLICT = "VXAPP-004";
    /** A Request-URI pattern is not a valid regex, or a configured route value is malformed. */
    public static final String BAD_ROUTE = "VXAPP-005";
    /** Two apps with the same name. */
    public static final String DUPLICATE_NAME = "VXAPP-006";
    /** A {@code @SipApplication} class is not a CDI bean (no bean-defining annotation, not discovered). */
    public static final String NOT_A_BEAN = "VXAPP-007";
    /** An app handler threw: the request gets 500 with this code in the reason phrase. */
    public static final String HANDLER_FAILED = "VXAPP-100";
    /** {@code createB2bua} on a request other than an initial INVITE. */
    public static final String B2BUA_UNAVAILABLE = "VXAPP-101";
    /** A handler decided twice on one request. */
    public static final String ALREADY_DECIDED = "VXAPP-102";
    /** A response handler threw (the response was already forwarded). */
    public static final String RESPONSE_HANDLER_FAILED = "VXAPP-103";
    /** An app's 2xx could not create a dialog (the INVITE had no Contact, RFC 3261 s12.1.1): answered 400. */
    public static final String NO_DIALOG = "VXAPP-104";
    /** {@code answerWithMedia} on a request other than an initial INVITE. */
    public static final String MEDIA_UNAVAILABLE = "VXAPP-105";
    /** An INVITE answered with media had no SDP offer (late offer is not supported): 488. */
    public static final String NO_OFFER = "VXAPP-106";
    /** The media plane refused the offer or could not be reached: 488 / 503 with the reason. */
    public static final String MEDIA_REJECTED = "VXAPP-107";

    /** {@code voxplane.location.store} names no known store, or the Hazelcast instance is missing. */
    public static final String BAD_LOCATION_STORE = "VXAPP-111";

    /** An authentication setting ({@code voxplane.auth.*}) has a bad value. */
    public static final String BAD_AUTH_CONFIG = "VXAPP-112";

    private AppCodes() {
    }
}
