package io.voxplane.sip;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Element-level checks of a request that parsed correctly, in the order RFC 3261 gives them:
 * for a UA (UAS) s8.2.1 method, s8.2.2.1 Request-URI scheme, s8.2.2.3 Require, s8.2.3 content; for a
 * registrar additionally s10.3 step 5 (To must be a SIP/SIPS address of record); for a proxy s16.3
 * steps 2 (scheme), 3 (Max-Forwards) and 5 (Proxy-Require). Stateless and thread-safe.
 *
 * <p>ACK is never rejected (s17.1.1.3: no response to ACK); CANCEL is exempt from Require (s8.2.2.3).
 * The returned {@link Rejection} carries a ready response made with {@link SipResponse#replyTo}; the
 * caller adds a To tag (s8.2.6.2) before sending it.
 */
public final class RequestValidator {

    /** The kind of element doing the check. */
    public enum Role {
        /** User agent server (s8.2). */
        UA,
        /** A UA acting as registrar (s10.3). */
        REGISTRAR,
        /** Proxy (s16.3). */
        PROXY
    }

    /**
     * What the element supports.
     *
     * @param role               UA, registrar or proxy
     * @param supportedOptionTags option tags understood in Require / Proxy-Require (case-insensitive)
     * @param allowedMethods     methods a UA accepts (also sent in Allow); ignored by proxies
     * @param acceptedUriSchemes Request-URI schemes served (lower case)
     * @param acceptedContentTypes body types a UA can process (lower-case {@code type/subtype})
     * @param answerContentTypes body types a UA answers INVITE/OPTIONS with (checked against Accept)
     * @param warnAgent          the warn-agent used in Warning header fields (s20.43)
     */
    public record Config(Role role, Set<String> supportedOptionTags, Set<String> allowedMethods,
                         Set<String> acceptedUriSchemes, Set<String> acceptedContentTypes,
                         Set<String> answerContentTypes, String warnAgent) {

        public Config {
            supportedOptionTags = lowerCase(supportedOptionTags);
            allowedMethods = Set.copyOf(allowedMethods);
            acceptedUriSchemes = lowerCase(acceptedUriSchemes);
            acceptedContentTypes = lowerCase(acceptedContentTypes);
            answerContentTypes = lowerCase(answerContentTypes);
        }

        /** Methods a typical UA allows by default. */
        public static final Set<String> DEFAULT_UA_METHODS = Set.of(SipMethod.INVITE, SipMethod.ACK,
                SipMethod.CANCEL, SipMethod.BYE, SipMethod.OPTIONS, SipMethod.PRACK, SipMethod.UPDATE,
                SipMethod.INFO, SipMethod.MESSAGE, SipMethod.NOTIFY, SipMethod.SUBSCRIBE, SipMethod.REFER);

        /** Defaults for a UA: sip/sips/tel, SDP and plain multipart bodies, no extensions but 100rel/timer/replaces. */
        public static Config ua() {
            return new Config(Role.UA, Set.of("100rel", "timer", "replaces", "path", "outbound", "gruu"),
                    DEFAULT_UA_METHODS, Set.of("sip", "sips", "tel"),
                    Set.of("application/sdp", "multipart/mixed", "multipart/alternative", "message/sipfrag",
                            "text/plain"),
                    Set.of("application/sdp"), "voxplane");
        }

        /** Defaults for a registrar: a UA that also allows REGISTER. */
        public static Config registrar() {
            Set<String> methods = new java.util.HashSet<>(DEFAULT_UA_METHODS);
            methods.add(SipMethod.REGISTER);
            return new Config(Role.REGISTRAR, ua().supportedOptionTags(), methods, Set.of("sip", "sips"),
                    ua().acceptedContentTypes(), ua().answerContentTypes(), "voxplane");
        }

        /** Defaults for a proxy: routes sip, sips and tel, supports no proxy extensions. */
        public static Config proxy() {
            return new Config(Role.PROXY, Set.of(), Set.of(), Set.of("sip", "sips", "tel"), Set.of(), Set.of(),
                    "voxplane");
        }

        private static Set<String> lowerCase(Set<String> in) {
            Set<String> out = new java.util.HashSet<>();
            for (String s : in) {
                out.add(s.toLowerCase(Locale.ROOT));
            }
            return Set.copyOf(out);
        }
    }

    /**
     * Why a request was rejected.
     *
     * @param error    the searchable code
     * @param response the response to send (add a To tag first)
     */
    public record Rejection(SipErrorCode error, SipResponse response) {
        public int status() {
            return response.status();
        }
    }

    private final Config config;

    public RequestValidator(Config config) {
        this.config = config;
    }

    public Config config() {
        return config;
    }

    /** The first rule the request breaks, or empty when it may be processed. */
    public Optional<Rejection> check(SipRequest request) {
        if (request.isAck()) {
            return Optional.empty();
        }
        return config.role() == Role.PROXY ? checkProxy(request) : checkUa(request);
    }

    private Optional<Rejection> checkProxy(SipRequest request) {
        if (!config.acceptedUriSchemes().contains(request.requestUri().scheme())) {
            return reject(request, SipErrorCode.UNSUPPORTED_URI_SCHEME, 416, null, null);
        }
        if (request.maxForwards().isPresent() && request.maxForwards().getAsInt() == 0) {
            return reject(request, SipErrorCode.TOO_MANY_HOPS, 483, null, null);
        }
        List<String> unsupported = unsupported(request.proxyRequire());
        if (!unsupported.isEmpty()) {
            return reject(request, SipErrorCode.BAD_EXTENSION, 420, HeaderNames.UNSUPPORTED,
                    String.join(", ", unsupported));
        }
        return Optional.empty();
    }

    private Optional<Rejection> checkUa(SipRequest request) {
        String method = request.method();
        if (!config.allowedMethods().contains(method)) {
            String allow = String.join(", ", new TreeSet<>(config.allowedMethods()));
            return SipMethod.isKnown(method)
                    ? reject(request, SipErrorCode.METHOD_NOT_ALLOWED, 405, HeaderNames.ALLOW, allow)
                    : reject(request, SipErrorCode.METHOD_NOT_IMPLEMENTED, 501, HeaderNames.ALLOW, allow);
        }
        if (!config.acceptedUriSchemes().contains(request.requestUri().scheme())) {
            return reject(request, SipErrorCode.UNSUPPORTED_URI_SCHEME, 416, null, null);
        }
        if (config.role() == Role.REGISTRAR && SipMethod.REGISTER.equals(method)
                && !(request.to().uri() instanceof SipUri)) {
            return reject(request, SipErrorCode.BAD_ADDRESS_OF_RECORD, 400, null, null);
        }
        if (!request.isCancel()) {
            List<String> unsupported = unsupported(request.require());
            if (!unsupported.isEmpty()) {
                return reject(request, SipErrorCode.BAD_EXTENSION, 420, HeaderNames.UNSUPPORTED,
                        String.join(", ", unsupported));
            }
        }
        if (request.body().length > 0) {
            String type = request.contentType().map(RequestValidator::mediaType).orElse("application/sdp");
            Optional<String> encoding = request.header(HeaderNames.CONTENT_ENCODING);
            boolean encodingOk = encoding.isEmpty() || encoding.get().equalsIgnoreCase("identity");
            if (!config.acceptedContentTypes().contains(type) || !encodingOk) {
                String accept = String.join(", ", new TreeSet<>(config.acceptedContentTypes()));
                return reject(request, SipErrorCode.UNSUPPORTED_MEDIA_TYPE, 415, HeaderNames.ACCEPT, accept);
            }
        }
        if ((request.isInvite() || SipMethod.OPTIONS.equals(method)) && !config.answerContentTypes().isEmpty()) {
            List<String> accept = request.headerTokens(HeaderNames.ACCEPT);
            if (!request.headerValues(HeaderNames.ACCEPT).isEmpty() && !accepts(accept)) {
                String text = "Accept does not include " + String.join(" or ", new TreeSet<>(config.answerContentTypes()));
                return reject(request, SipErrorCode.NOT_ACCEPTABLE, 406, HeaderNames.WARNING,
                        "399 " + config.warnAgent() + " \"" + text + "\"");
            }
        }
        return Optional.empty();
    }

    /** Whether any Accept range matches a type we answer with; an empty Accept accepts nothing (s20.1). */
    private boolean accepts(List<String> ranges) {
        for (String r : ranges) {
            String range = mediaType(r);
            if (range.equals("*/*")) {
                return true;
            }
            for (String t : config.answerContentTypes()) {
                if (range.equals(t) || (range.endsWith("/*")
                        && t.startsWith(range.substring(0, range.length() - 1)))) {
                    return true;
                }
            }
        }
        return false;
    }

    private List<String> unsupported(List<String> required) {
        List<String> out = new ArrayList<>(0);
        for (String tag : required) {
            if (!config.supportedOptionTags().contains(tag.toLowerCase(Locale.ROOT))) {
                out.add(tag);
            }
        }
        return out;
    }

    /** {@code type/subtype} in lower case without parameters or whitespace. */
    static String mediaType(String value) {
        int semi = value.indexOf(';');
        String t = (semi < 0 ? value : value.substring(0, semi));
        StringBuilder sb = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c != ' ' && c != '\t') {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    private static Optional<Rejection> reject(SipRequest request, SipErrorCode error, int status,
                                              String extraName, String extraValue) {
        String reason = SipParseException.defaultReason(error, status);
        SipResponse.Builder b = SipResponse.replyTo(request, status, reason);
        if (extraName != null) {
            b.header(extraName, extraValue);
        }
        return Optional.of(new Rejection(error, b.build()));
    }
}
