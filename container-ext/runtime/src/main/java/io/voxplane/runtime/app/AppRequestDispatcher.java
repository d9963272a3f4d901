package io.voxplane.runtime.app;

import io.voxplane.runtime.Plane;
import io.voxplane.runtime.bus.Bus;
import io.voxplane.runtime.events.DtmfReceived;
import io.voxplane.runtime.events.DtmfSent;
import io.voxplane.runtime.events.MediaFunctionFinished;
import io.voxplane.runtime.events.MediaInactive;
import io.voxplane.runtime.events.MediaModified;
import io.voxplane.runtime.events.MediaOpened;
import io.voxplane.runtime.events.MediaQualityReport;
import io.voxplane.runtime.events.MediaRejected;
import io.voxplane.runtime.task.TaskTrackers;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.stack.proxy.ProxyRouter;
import io.voxplane.stack.proxy.ProxyTransaction;
import io.voxplane.stack.proxy.StatefulProxy;
import io.voxplane.stack.timer.ScheduledTimerService;
import io.voxplane.stack.transaction.ServerTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.lang.reflect.InvocationTargetException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The app model's {@link RequestDispatcher}: replaces {@link NoAppRequestDispatcher} whenever the
 * runtime is deployed. As a {@link ProxyRouter} it makes the signaling plane run the stateful
 * proxy core (RFC 3261 s16), which handles CANCEL (s16.10), forwards ACK for 2xx statelessly
 * (s16.11) and forwards requests inside a dialog by their Route set (s16.12) without asking apps,
 * except those of dialogs an app holds itself (see below).
 *
 * <p>For each initial request: the {@link AppTable} picks the app; none takes it: the container's
 * default answer ({@link NoAppResponses}); the app has no handler for its method: 405 with Allow
 * (the methods the app handles) or 501 (s8.2.1, s21.5.2); OPTIONS without a handler: 200 with
 * Allow (s11.2). Otherwise the handler runs, on the thread that delivers the request (the
 * signaling plane's bus mailbox of the Call-ID, on its managed executor), under the call's lock
 * so a call's handlers and timers never overlap. A handler that throws gets the request answered
 * 500 with {@value AppCodes#HANDLER_FAILED} in the reason phrase (if it had not decided yet), and
 * a log line with the code. For a proxied request the app's {@code @ProvisionalResponse} handler
 * sees every provisional response sent upstream, and when it completes the handler for the final
 * response's class is called. INVITEs an app answers with 2xx or bridges become dialogs of the
 * node's user agent side ({@link AppDialogs}): their in-dialog requests, ACK and CANCEL go to the
 * app instead of the proxy core.
 */
@ApplicationScoped
@Alternative
@Priority(AppRequestDispatcher.PRIORITY)
public class AppRequestDispatcher implements RequestDispatcher, ProxyRouter, ProxyCoreAware {

    /** Alternative priority: above the container's default dispatcher, below anything a deployer selects. */
    public static final int PRIORITY = 1000;

    private static final System.Logger LOG = System.getLogger(AppRequestDispatcher.class.getName());

    @Inject
    SipAppExtension extension;

    @Inject
    BeanManager beans;

    @Inject
    TaskTrackers trackers;

    @Inject
    Bus bus;

    private final ConcurrentHashMap<Class<?>, Object> instances = new ConcurrentHashMap<>();
    private volatile CallRegistry calls;
    private volatile AppDialogs dialogs;

    @Override
    public void route(ProxyTransaction transaction) {
        SipRequest request = transaction.request();
        Optional<AppDescriptor> chosen = extension.table().route(request.method(), request.requestUri().toString());
        if (chosen.isEmpty()) {
            transaction.respond(NoAppResponses.answer(request));
            return;
        }
        AppDescriptor app = chosen.get();
        Optional<AppHandler> handler = app.requestHandler(request.method());
        if (handler.isEmpty()) {
            transaction.respond(NoAppResponses.answer(request, app.allowedMethods()));
            return;
        }
        AppCall call = calls().open(request.callId());
        AppSipRequest appRequest = AppSipRequest.initial(transaction, call, app, dialogs,
                response -> onProxiedResponse(app, call, response), response -> onProxiedResponse(app, call, response));
        appRequest.finished().whenComplete((done, failure) -> call.release());
        if (request.isInvite() && dialogs != null) {
            dialogs.track(appRequest);
        }
        call.runSerially(() -> invoke(app, handler.get(), appRequest, call));
    }

    /**
     * Wires the app user agent side ({@link AppDialogs}) into the signaling plane's proxy core, so
     * apps can answer INVITEs with a dialog and bridge them. Called once when the plane starts.
     */
    @Override
    public void attach(StatefulProxy proxy) {
        AppDialogs created = new AppDialogs(proxy, this::invoke, new AppMedia(bus));
        proxy.localEndpoint(created);
        dialogs = created;
    }

    /** The app calls held as user agents, once the signaling plane attached; null before. */
    AppDialogs dialogs() {
        return dialogs;
    }

    /**
     * Not used while the signaling plane runs this dispatcher as its proxy router; a transaction
     * handed in directly gets the container's default answer.
     */
    @Override
    public void dispatch(SipRequest request, ServerTransaction transaction) {
        transaction.respond(NoAppResponses.answer(request));
    }

    // The media plane's answers, in order per Call-ID on the signaling plane's mailbox of the call.

    void onMediaOpened(@ObservesAsync MediaOpened event) {
        AppDialogs d = dialogs;
        if (d != null) {
            d.media().onOpened(event);
        }
    }

    void onMediaRejected(@ObservesAsync MediaRejected event) {
        AppDialogs d = dialogs;
        if (d != null) {
            d.media().onRejected(event);
        }
    }

    void onMediaModified(@ObservesAsync MediaModified event) {
        AppDialogs d = dialogs;
        if (d != null) {
            d.media().onModified(event);
        }
    }

    void onDtmf(@ObservesAsync DtmfReceived event) {
        AppDialogs d = dialogs;
        if (d != null) {
            d.media().onDtmf(event);
        }
    }

    void onDtmfSent(@ObservesAsync DtmfSent event) {
        AppDialogs d = dialogs;
        if (d != null) {
            d.media().onDtmfSent(event);
        }
    }

    void onMediaFunctionFinished(@ObservesAsync MediaFunctionFinished event) {
        AppDialogs d = dialogs;
        if (d != null) {
            d.media().onFinished(event);
        }
    }

    void onMediaQuality(@ObservesAsync MediaQualityReport event) {
        AppDialogs d = dialogs;
        if (d != null) {
            d.media().onQuality(event);
        }
    }

    void onMediaInactive(@ObservesAsync MediaInactive event) {
        AppDialogs d = dialogs;
        if (d != null) {
            d.media().onInactive(event);
        }
    }

    /** Calls answered with media now (for tests and operations). */
    public int mediaCallCount() {
        AppDialogs d = dialogs;
        return d == null ? 0 : d.media().size();
    }

    /** Live calls (for tests and operations). */
    public int callCount() {
        CallRegistry registry = calls;
        return registry == null ? 0 : registry.size();
    }

    @PreDestroy
    void stop() {
        CallRegistry registry = calls;
        if (registry != null) {
            registry.endAll();
        }
    }

    void invoke(AppDescriptor app, AppHandler handler, AppSipRequest request, AppCall call) {
        try {
            Object target = instance(app.beanClass());
            if (handler.takesCall()) {
                handler.method().invoke(target, request, call);
            } else {
                handler.method().invoke(target, request);
            }
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            LOG.log(Level.ERROR, AppCodes.HANDLER_FAILED + " app " + app.name() + " handler "
                    + handler.method().getName() + " threw on " + request, cause);
            if (!request.isDecided()) {
                request.answer(SipResponse.replyTo(request.stackRequest(), 500, "Server Internal Error ("
                        + AppCodes.HANDLER_FAILED + " " + cause.getClass().getSimpleName() + ")")
                        .to(request.stackRequest().to().tag().isPresent() ? request.stackRequest().to()
                                : request.stackRequest().to().withTag(io.voxplane.stack.transaction.SipIdGenerator.newTag()))
                        .build());
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(AppCodes.HANDLER_FAILED + " handler " + handler.method() + " not accessible", e);
        }
    }

    private void onProxiedResponse(AppDescriptor app, AppCall call, SipResponse response) {
        Optional<AppHandler> handler = app.responseHandler(response.status());
        if (handler.isEmpty()) {
            return;
        }
        call.runSerially(() -> {
            try {
                Object target = instance(app.beanClass());
                AppSipResponse view = new AppSipResponse(response);
                if (handler.get().takesCall()) {
                    handler.get().method().invoke(target, view, call);
                } else {
                    handler.get().method().invoke(target, view);
                }
            } catch (InvocationTargetException e) {
                LOG.log(Level.ERROR, AppCodes.RESPONSE_HANDLER_FAILED + " app " + app.name() + " response handler "
                        + handler.get().method().getName() + " threw on " + response.status(), e.getCause());
            } catch (IllegalAccessException e) {
                LOG.log(Level.ERROR, AppCodes.RESPONSE_HANDLER_FAILED + " handler not accessible", e);
            }
        });
    }

    private Object instance(Class<?> type) {
        return instances.computeIfAbsent(type, t -> {
            Bean<?> bean = beans.resolve(beans.getBeans(t));
            return beans.getReference(bean, t, beans.createCreationalContext(bean));
        });
    }

    private CallRegistry calls() {
        CallRegistry registry = calls;
        if (registry == null) {
            synchronized (this) {
                if (calls == null) {
                    calls = new CallRegistry(new ScheduledTimerService(trackers.forPlane(Plane.SIGNALING).scheduler()));
                }
                registry = calls;
            }
        }
        return registry;
    }
}
