package io.voxplane.runtime.app;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One deployed app: its route (after configuration overrides) and its checked handlers.
 *
 * @param name       the {@code @SipApplication} name
 * @param beanClass  the bean class
 * @param methods    methods it takes (upper case); empty takes any
 * @param requestUri the whole-URI pattern
 * @param priority   higher wins
 * @param handlers   handler per kind
 */
record AppDescriptor(String name, Class<?> beanClass, Set<String> methods, Pattern requestUri, int priority,
                     Map<HandlerKind, AppHandler> handlers) {

    AppDescriptor {
        methods = Set.copyOf(methods);
        handlers = Map.copyOf(handlers);
    }

    /** True when this app's route takes a request of {@code method} to {@code uri}. */
    boolean takes(String method, String uri) {
        return (methods.isEmpty() || methods.contains(method)) && requestUri.matcher(uri).matches();
    }

    /** The handler for a request of {@code method}: the specific one, else {@code @AnyMethod}. */
    Optional<AppHandler> requestHandler(String method) {
        Optional<AppHandler> specific = HandlerKind.forMethod(method).map(handlers::get);
        return specific.isPresent() ? specific : Optional.ofNullable(handlers.get(HandlerKind.ANY_METHOD));
    }

    /** The handler of exactly {@code kind} (no {@code @AnyMethod} fallback: for ACK, BYE and CANCEL notices). */
    Optional<AppHandler> handler(HandlerKind kind) {
        return Optional.ofNullable(handlers.get(kind));
    }

    Optional<AppHandler> responseHandler(int status) {
        return Optional.ofNullable(handlers.get(HandlerKind.forStatus(status)));
    }

    /** The methods this app answers, for Allow in its 405 (RFC 3261 s20.5), sorted. */
    List<String> allowedMethods() {
        Set<String> allowed = new TreeSet<>();
        for (HandlerKind kind : handlers.keySet()) {
            if (kind.method() != null) {
                allowed.add(kind.method());
            }
        }
        return List.copyOf(allowed);
    }

    /** Same methods, same pattern text and same priority: the two cannot be told apart. */
    boolean sameRouteAs(AppDescriptor other) {
        return methods.equals(other.methods) && requestUri.pattern().equals(other.requestUri.pattern())
                && priority == other.priority;
    }

    /** The route as text, for logs and messages. */
    String route() {
        return (methods.isEmpty() ? "*" : String.join("|", new TreeSet<>(methods))) + " " + requestUri.pattern()
                + " priority " + priority;
    }
}
