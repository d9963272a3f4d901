package io.voxplane.runtime.app;

import io.voxplane.api.Call;
import io.voxplane.api.SipApplication;
import io.voxplane.api.SipRequest;
import io.voxplane.api.SipResponse;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the handler methods of one class and checks them against the app API's contract: a
 * request handler is {@code void m(SipRequest)} or {@code void m(SipRequest, Call)}, a response
 * handler the same with {@link SipResponse}; not static; one handler per kind. Declared methods
 * of the class and its superclasses are read (an overriding method counts once).
 */
final class AppScanner {

    private AppScanner() {
    }

    /** The result of a scan: the handlers found, and problems (codes VXAPP-001..003). */
    record Scan(Class<?> type, Optional<SipApplication> app, Map<HandlerKind, AppHandler> handlers,
                List<AppProblem> problems) {
    }

    static Scan scan(Class<?> type) {
        Optional<SipApplication> app = Optional.ofNullable(type.getAnnotation(SipApplication.class));
        Map<HandlerKind, AppHandler> handlers = new EnumMap<>(HandlerKind.class);
        List<AppProblem> problems = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                String signature = method.getName() + java.util.Arrays.toString(method.getParameterTypes());
                if (method.isSynthetic() || method.isBridge() || seen.contains(signature)) {
                    continue;
                }
                seen.add(signature);
                for (HandlerKind kind : HandlerKind.values()) {
                    if (!method.isAnnotationPresent(kind.annotation())) {
                        continue;
                    }
                    String where = type.getName() + "." + method.getName();
                    if (app.isEmpty()) {
                        problems.add(new AppProblem(AppCodes.NOT_AN_APP, "@" + kind.annotation().getSimpleName()
                                + " on " + where + ", but " + type.getName() + " is not annotated @SipApplication"));
                        continue;
                    }
                    Optional<String> wrong = signatureProblem(method, kind);
                    if (wrong.isPresent()) {
                        problems.add(new AppProblem(AppCodes.BAD_SIGNATURE, "@" + kind.annotation().getSimpleName()
                                + " handler " + where + " " + wrong.get()));
                        continue;
                    }
                    AppHandler previous = handlers.get(kind);
                    if (previous != null) {
                        problems.add(new AppProblem(AppCodes.DUPLICATE_HANDLER, "app " + app.get().name() + " ("
                                + type.getName() + ") has two @" + kind.annotation().getSimpleName() + " handlers: "
                                + previous.method().getName() + " and " + method.getName()));
                        continue;
                    }
                    method.setAccessible(true);
                    handlers.put(kind, new AppHandler(kind, method, method.getParameterCount() == 2));
                }
            }
        }
        return new Scan(type, app, handlers, problems);
    }

    private static Optional<String> signatureProblem(Method method, HandlerKind kind) {
        Class<?> first = kind.handlesRequests() ? SipRequest.class : SipResponse.class;
        String expected = "must be void " + method.getName() + "(" + first.getSimpleName() + ") or void "
                + method.getName() + "(" + first.getSimpleName() + ", Call)";
        if (Modifier.isStatic(method.getModifiers())) {
            return Optional.of("must not be static");
        }
        if (method.getReturnType() != void.class) {
            return Optional.of(expected + ", not return " + method.getReturnType().getSimpleName());
        }
        Class<?>[] params = method.getParameterTypes();
        boolean ok = (params.length == 1 || params.length == 2) && params[0] == first
                && (params.length == 1 || params[1] == Call.class);
        return ok ? Optional.empty() : Optional.of(expected + ", not take " + java.util.Arrays.stream(params)
                .map(Class::getSimpleName).toList());
    }
}
