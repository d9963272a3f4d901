package io.voxplane.stack.registrar;

import io.voxplane.sip.Address;
import io.voxplane.sip.HeaderNames;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.sip.SipUri;
import io.voxplane.sip.Uri;
import io.voxplane.stack.transaction.SipIdGenerator;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * A registrar (RFC 3261 s10.3): processes REGISTER requests against a {@link LocationStore} and
 * answers lookups for the proxy (s16.5).
 *
 * <p>{@link #register} runs the steps of s10.3 that follow authentication: 1 (domain, 404),
 * 2 (Require, 420), 5 (To must be sip/sips, canonical AOR; else 400), 6 (wildcard rules, 400),
 * 7 (expiry per contact from its {@code expires} param, else the Expires header, else
 * {@link RegistrarConfig#defaultExpires()}; below the minimum 423 with Min-Expires, above the
 * maximum shortened; Call-ID/CSeq ordering, 500 when out of order; the binding limit, 403) and
 * 8 (200 with every live binding and its remaining {@code expires}, and a Date). A REGISTER
 * without Contact is a fetch. Authentication (steps 3, 4) is the caller's:
 * see {@link RegistrarTransactionUser}.
 *
 * <p>Time comes from the injected clock; expired bindings vanish from lookups and responses at
 * once and leave the store at the next {@link RegistrationSweeper} run. Thread-safe.
 */
public final class Registrar {

    private static final DateTimeFormatter SIP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** RFC 3261 s25.1 {@code qvalue}. */
    private static final Pattern QVALUE = Pattern.compile("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?");

    private final RegistrarConfig config;
    private final LocationStore store;
    private final InstantSource clock;

    public Registrar(RegistrarConfig config, LocationStore store, InstantSource clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public RegistrarConfig config() {
        return config;
    }

    public LocationStore store() {
        return store;
    }

    /** Processes a REGISTER and returns the final response to send; never throws for bad input. */
    public SipResponse register(SipRequest request) {
        try {
            return process(request);
        } catch (RegistrarException e) {
            return refusal(request, e);
        }
    }

    /**
     * The live contacts of an address-of-record in lookup order (q descending, newest first), for
     * request routing (s16.5). Empty for a non-SIP URI or an AOR without bindings.
     */
    public List<Binding> lookup(Uri aor) {
        if (!(aor instanceof SipUri)) {
            return List.of();
        }
        return lookup(AddressOfRecord.canonical(aor));
    }

    /** As {@link #lookup(Uri)} for an AOR already in canonical form. */
    public List<Binding> lookup(String canonicalAor) {
        Optional<Registration> registration = store.find(canonicalAor);
        return registration.isEmpty() ? List.of() : registration.get().liveAt(clock.millis());
    }

    private SipResponse process(SipRequest request) {
        checkDomain(request.requestUri());
        List<String> required = request.headerTokens(HeaderNames.REQUIRE);
        if (!required.isEmpty()) {
            throw new RegistrarException(RegistrarException.BAD_EXTENSION, 420, "unsupported: " + required);
        }
        String aor = AddressOfRecord.canonical(request.to().uri());
        long now = clock.millis();
        Registration stored;
        if (request.wildcardContact()) {
            OptionalInt expires = request.expires();
            if (!request.contacts().isEmpty() || expires.isEmpty() || expires.getAsInt() != 0) {
                throw new RegistrarException(RegistrarException.BAD_WILDCARD, 400,
                        "Contact: * needs Expires: 0 and no other Contact");
            }
            stored = store.update(aor, new BindingChange(aor, request.callId(), request.cseq().number(), List.of(),
                    true, now, config.maxBindingsPerAor()));
        } else if (request.contacts().isEmpty()) {
            stored = store.find(aor).orElse(null);
        } else {
            List<ContactChange> changes = contactChanges(request);
            stored = store.update(aor, new BindingChange(aor, request.callId(), request.cseq().number(), changes,
                    false, now, config.maxBindingsPerAor()));
        }
        SipResponse.Builder ok = withToTag(request, SipResponse.replyTo(request, 200));
        if (stored != null) {
            for (Binding b : stored.liveAt(now)) {
                ok.header(HeaderNames.CONTACT, b.contact() + ";expires=" + b.remainingSeconds(now));
            }
        }
        return ok.header("Date", SIP_DATE.format(Instant.ofEpochMilli(now))).build();
    }

    private void checkDomain(Uri requestUri) {
        if (config.domains().isEmpty()) {
            return;
        }
        if (!(requestUri instanceof SipUri sip) || !config.domains().contains(sip.host().toLowerCase(Locale.ROOT))) {
            throw new RegistrarException(RegistrarException.FOREIGN_DOMAIN, 404,
                    "this registrar does not serve " + requestUri);
        }
    }

    private List<ContactChange> contactChanges(SipRequest request) {
        OptionalInt header = request.expires();
        long minSeconds = config.minExpires().toSeconds();
        long maxSeconds = config.maxExpires().toSeconds();
        List<ContactChange> changes = new ArrayList<>(request.contacts().size());
        for (Address contact : request.contacts()) {
            long expires = contact.expires().orElseGet(
                    () -> header.isPresent() ? (long) header.getAsInt() : config.defaultExpires().toSeconds());
            if (expires > 0 && expires < minSeconds) {
                throw new RegistrarException(RegistrarException.INTERVAL_TOO_BRIEF, 423,
                        "expiry " + expires + " s for " + contact.uri() + " is below " + minSeconds + " s");
            }
            Address kept = contact.withoutParameter("expires");
            changes.add(new ContactChange(kept.toString(), contact.uri().toString(), q(contact),
                    Math.min(expires, maxSeconds)));
        }
        return changes;
    }

    /** The q param in thousandths (RFC 3261 s20.10 {@code qvalue}: 0 to 1 with up to 3 decimals). */
    private static int q(Address contact) {
        String q = contact.parameters().valueOrNull("q");
        if (q == null) {
            return Binding.DEFAULT_Q;
        }
        if (!QVALUE.matcher(q).matches()) {
            throw new RegistrarException(RegistrarException.BAD_Q, 400, "bad q value " + q + " in Contact " + contact);
        }
        int dot = q.indexOf('.');
        int whole = q.charAt(0) - '0';
        String fraction = dot < 0 ? "" : q.substring(dot + 1);
        return whole * 1000 + (fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "00").substring(0, 3)));
    }

    private SipResponse refusal(SipRequest request, RegistrarException e) {
        SipResponse.Builder response = withToTag(request, SipResponse.replyTo(request, e.status()));
        if (e.status() == 423) {
            response.header("Min-Expires", Long.toString(config.minExpires().toSeconds()));
        } else if (e.status() == 420) {
            for (String token : request.headerTokens(HeaderNames.REQUIRE)) {
                response.header(HeaderNames.UNSUPPORTED, token);
            }
        }
        return response.build();
    }

    private static SipResponse.Builder withToTag(SipRequest request, SipResponse.Builder response) {
        return request.to().tag().isPresent() ? response : response.to(request.to().withTag(SipIdGenerator.newTag()));
    }
}
