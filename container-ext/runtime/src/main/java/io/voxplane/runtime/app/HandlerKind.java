package io.voxplane.runtime.app;

import io.voxplane.api.Ack;
import io.voxplane.api.AnyMethod;
import io.voxplane.api.Bye;
import io.voxplane.api.Cancel;
import io.voxplane.api.ErrorResponse;
import io.voxplane.api.Info;
import io.voxplane.api.Invite;
import io.voxplane.api.Message;
import io.voxplane.api.Options;
import io.voxplane.api.ProvisionalResponse;
import io.voxplane.api.RedirectResponse;
import io.voxplane.api.Register;
import io.voxplane.api.SuccessResponse;
import java.lang.annotation.Annotation;
import java.util.Optional;

/**
 * The handler annotations of the app API (JSR 359 style): one per request method, one for any
 * method, one per response class (RFC 3261 s21: 1xx, 2xx, 3xx, and 4xx-6xx together as errors).
 */
enum HandlerKind {
    INVITE(Invite.class, "INVITE", 0),
    ACK(Ack.class, "ACK", 0),
    BYE(Bye.class, "BYE", 0),
    CANCEL(Cancel.class, "CANCEL", 0),
    REGISTER(Register.class, "REGISTER", 0),
    OPTIONS(Options.class, "OPTIONS", 0),
    MESSAGE(Message.class, "MESSAGE", 0),
    INFO(Info.class, "INFO", 0),
    ANY_METHOD(AnyMethod.class, null, 0),
    PROVISIONAL(ProvisionalResponse.class, null, 1),
    SUCCESS(SuccessResponse.class, null, 2),
    REDIRECT(RedirectResponse.class, null, 3),
    ERROR(ErrorResponse.class, null, 4);

    private final Class<? extends Annotation> annotation;
    private final String method;
    private final int statusClass;

    HandlerKind(Class<? extends Annotation> annotation, String method, int statusClass) {
        this.annotation = annotation;
        this.method = method;
        this.statusClass = statusClass;
    }

    Class<? extends Annotation> annotation() {
        return annotation;
    }

    /** The request method this kind handles; null for {@link #ANY_METHOD} and response kinds. */
    String method() {
        return method;
    }

    boolean handlesRequests() {
        return statusClass == 0;
    }

    /** The kind for a request method, if the API has an annotation for it. */
    static Optional<HandlerKind> forMethod(String method) {
        for (HandlerKind kind : values()) {
            if (method.equals(kind.method)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** The response kind for {@code status}. */
    static HandlerKind forStatus(int status) {
        int c = status / 100;
        return c <= 1 ? PROVISIONAL : c == 2 ? SUCCESS : c == 3 ? REDIRECT : ERROR;
    }

    /** Every handler annotation class, for {@code @WithAnnotations}. */
    @SuppressWarnings("unchecked")
    static Class<? extends Annotation>[] annotations() {
        HandlerKind[] kinds = values();
        Class<? extends Annotation>[] result = new Class[kinds.length];
        for (int i = 0; i < kinds.length; i++) {
            result[i] = kinds[i].annotation;
        }
        return result;
    }
}
