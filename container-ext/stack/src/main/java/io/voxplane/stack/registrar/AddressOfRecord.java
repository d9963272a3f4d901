package io.voxplane.stack.registrar;

import io.voxplane.sip.SipUri;
import io.voxplane.sip.Uri;
import java.util.Locale;

/**
 * The canonical form of an address-of-record (RFC 3261 s10.3 step 5): the To URI with all URI
 * parameters (the user param too) and URI headers removed, the user part unescaped and the host
 * in lower case; {@code scheme:user@host[:port]}. It is the key of the {@link LocationStore}.
 */
public final class AddressOfRecord {

    private AddressOfRecord() {
    }

    /**
     * The canonical AOR of {@code uri}.
     *
     * @throws RegistrarException {@link RegistrarException#NOT_SIP_AOR} (400) for any scheme but sip or sips
     */
    public static String canonical(Uri uri) {
        if (!(uri instanceof SipUri sip)) {
            throw new RegistrarException(RegistrarException.NOT_SIP_AOR, 400,
                    "the address-of-record must be a SIP or SIPS URI, not " + uri.scheme());
        }
        StringBuilder key = new StringBuilder(48).append(sip.scheme()).append(':');
        String user = sip.decodedUser();
        if (user != null) {
            key.append(user).append('@');
        }
        key.append(sip.host().toLowerCase(Locale.ROOT));
        if (sip.port() >= 0) {
            key.append(':').append(sip.port());
        }
        return key.toString();
    }
}
