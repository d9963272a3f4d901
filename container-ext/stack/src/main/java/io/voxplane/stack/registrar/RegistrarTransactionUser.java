package io.voxplane.stack.registrar;

import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.sip.SipUri;
import io.voxplane.stack.auth.AuthOutcome;
import io.voxplane.stack.auth.DigestAuthenticator;
import io.voxplane.stack.transaction.ServerTransaction;
import io.voxplane.stack.transaction.SipIdGenerator;
import io.voxplane.stack.transaction.TransactionUser;
import io.voxplane.stack.transport.Flow;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A standalone registrar as a transaction user (RFC 3261 s10.3): authenticates REGISTER
 * (steps 3 and 4, when an authenticator is given), checks that the authenticated user owns the
 * AOR, then lets the {@link Registrar} do the rest. OPTIONS gets 200; other methods 405 with
 * Allow. The container wires a registrar into its signaling plane instead; this class serves
 * tests, benchmarks and single-node tools.
 *
 * <p>Authorization policy (s10.3 step 4: "the registrar ... MUST determine if the authorized user
 * is authorized to modify registrations for this address-of-record"): a user may register only
 * the AOR whose decoded user part equals the digest username; anything else gets 403
 * ({@link RegistrarException#NOT_AUTHORIZED}). Third-party registration is not allowed.
 */
public final class RegistrarTransactionUser implements TransactionUser {

    static final String ALLOW = "REGISTER, OPTIONS";

    private final Registrar registrar;
    private final DigestAuthenticator authenticator;
    private final AtomicLong registered = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    /**
     * @param authenticator verifies REGISTERs; empty accepts them unauthenticated (tests, open networks)
     */
    public RegistrarTransactionUser(Registrar registrar, Optional<DigestAuthenticator> authenticator) {
        this.registrar = Objects.requireNonNull(registrar, "registrar");
        this.authenticator = authenticator.orElse(null);
    }

    public Registrar registrar() {
        return registrar;
    }

    /** REGISTERs answered 2xx. */
    public long registered() {
        return registered.get();
    }

    /** REGISTERs answered with anything else (challenges included). */
    public long rejected() {
        return rejected.get();
    }

    @Override
    public void onRequest(SipRequest request, ServerTransaction transaction) {
        transaction.respond(answer(request));
    }

    /** The final response to {@code request}, as {@link #onRequest} sends it. */
    public SipResponse answer(SipRequest request) {
        return switch (request.method()) {
            case "REGISTER" -> {
                SipResponse response = register(request);
                (response.statusClass() == 2 ? registered : rejected).incrementAndGet();
                yield response;
            }
            case "OPTIONS" -> withToTag(request, SipResponse.replyTo(request, 200)).header("Allow", ALLOW).build();
            default -> withToTag(request, SipResponse.replyTo(request, 405)).header("Allow", ALLOW).build();
        };
    }

    private SipResponse register(SipRequest request) {
        if (authenticator != null) {
            AuthOutcome outcome = authenticator.authenticate(request);
            if (outcome instanceof AuthOutcome.Rejected refused) {
                return refused.response();
            }
            if (outcome instanceof AuthOutcome.Authenticated who && !owns(who.username(), request)) {
                return withToTag(request, SipResponse.replyTo(request, 403)).build();
            }
        }
        return registrar.register(request);
    }

    private static boolean owns(String username, SipRequest request) {
        return request.to().uri() instanceof SipUri aor && username.equals(aor.decodedUser());
    }

    @Override
    public void onAck(SipRequest ack, Flow flow) {
        // a registrar sends no 2xx to INVITE, so there is no ACK to absorb
    }

    private static SipResponse.Builder withToTag(SipRequest request, SipResponse.Builder response) {
        return request.to().tag().isPresent() ? response : response.to(request.to().withTag(SipIdGenerator.newTag()));
    }
}
