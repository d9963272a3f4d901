package io.voxplane.pbx;

import io.voxplane.api.Authentication;
import io.voxplane.api.Invite;
import io.voxplane.api.ProxyOptions;
import io.voxplane.api.Register;
import io.voxplane.api.Registrar;
import io.voxplane.api.SipApplication;
import io.voxplane.api.SipRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * The PBX: a registrar and an authenticating proxy for the users of {@link PbxUsers}, written
 * against the app API only.
 * <ul>
 * <li>REGISTER: digest challenge (401) until the credentials are right (wrong password: 403),
 * then the container's registrar stores the bindings of the user's own address-of-record
 * (RFC 3261 s10.3).</li>
 * <li>INVITE to {@value PbxIvr#IVR_NUMBER} (voice menu) or {@value PbxIvr#CONFERENCE_NUMBER}
 * (conference room), after the digest challenge: answered with the node's media ({@link PbxIvr}).</li>
 * <li>INVITE: digest challenge (407) for the caller; then the callee is the Request-URI's user:
 * unknown user 404, a user with no live binding 480, else the request is proxied (record-route,
 * parallel forking) to every binding, and the callee's answers (180, 200, 486, 487 after a
 * CANCEL ...) go back to the caller as the proxy core forwards them (s16.7).</li>
 * </ul>
 * Callee lookup uses the address-of-record {@code sip:<user>@<domain>} where the domain is
 * {@link PbxUsers#domain()} or, when not configured, the Request-URI's host: users register with
 * their AOR in the same domain they are called in. Other methods: OPTIONS 200 with Allow, the
 * rest 405 (the container's answers for methods an app has no handler for).
 */
@ApplicationScoped
@SipApplication(name = PbxApplication.NAME, methods = {"REGISTER", "INVITE", "OPTIONS", "MESSAGE", "SUBSCRIBE"})
public class PbxApplication {

    /** Name of this app in logs and in routing keys ({@code voxplane.apps.pbx.*}). */
    public static final String NAME = "pbx";

    @Inject
    Authentication authentication;

    @Inject
    Registrar registrar;

    @Inject
    PbxUsers users;

    @Inject
    PbxIvr ivr;

    @Register
    public void register(SipRequest request) {
        Optional<String> user = authentication.authenticate(request);
        if (user.isPresent()) {
            registrar.register(request, user.get());
        }
    }

    @Invite
    public void invite(SipRequest request) {
        if (authentication.authenticate(request).isEmpty()) {
            return;
        }
        Optional<String> callee = request.requestUriUser();
        if (callee.isPresent() && ivr.serves(callee.get())) {
            ivr.answer(request, callee.get());
            return;
        }
        if (callee.isEmpty() || !users.exists(callee.get())) {
            request.respond(404);
            return;
        }
        String domain = users.domain().or(request::requestUriHost).orElse("");
        List<String> contacts = registrar.lookup("sip:" + callee.get() + "@" + domain);
        if (contacts.isEmpty()) {
            request.respond(480);
            return;
        }
        request.proxyTo(contacts, ProxyOptions.parallelRecordRoute());
    }
}
