package io.voxplane.stack.auth;

import io.voxplane.sip.HeaderNames;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.AuthValue;
import java.util.List;

/**
 * Who challenges (RFC 3261 s22.2, s22.3): a UAS or registrar answers 401 with WWW-Authenticate and
 * reads Authorization; a proxy answers 407 with Proxy-Authenticate and reads Proxy-Authorization.
 */
public enum ChallengeKind {

    /** 401 Unauthorized, WWW-Authenticate / Authorization (s22.2, s20.44, s20.7). */
    SERVER(401, HeaderNames.WWW_AUTHENTICATE),
    /** 407 Proxy Authentication Required, Proxy-Authenticate / Proxy-Authorization (s22.3, s20.27, s20.28). */
    PROXY(407, HeaderNames.PROXY_AUTHENTICATE);

    private final int status;
    private final String challengeHeader;

    ChallengeKind(int status, String challengeHeader) {
        this.status = status;
        this.challengeHeader = challengeHeader;
    }

    public int status() {
        return status;
    }

    /** The header that carries the challenge. */
    public String challengeHeader() {
        return challengeHeader;
    }

    /** The credentials the request carries for this kind of challenge. */
    public List<AuthValue> credentials(SipRequest request) {
        return this == SERVER ? request.authorizations() : request.proxyAuthorizations();
    }
}
