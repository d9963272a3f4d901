package io.voxplane.runtime.task;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The Jakarta Concurrency default resources. Threads from them carry the application's context
 * (class loader, naming), which Netty event loops and timer tasks need to see the deployment's
 * classes.
 *
 * <p>Each is taken as a CDI bean when the container offers one (Concurrency 3.1, Jakarta EE 11),
 * else looked up under its standard JNDI name ({@code java:comp/DefaultManagedExecutorService},
 * {@code java:comp/DefaultManagedScheduledExecutorService}, {@code java:comp/DefaultManagedThreadFactory}),
 * else under GlassFish's global name. None found fails the start with {@value #MISSING}.
 */
@ApplicationScoped
public class ManagedConcurrencyResources implements ConcurrencyResources {

    /** Code of a missing Concurrency resource. */
    public static final String MISSING = "VXRT-005";

    @Inject
    Instance<ManagedExecutorService> executors;

    @Inject
    Instance<ManagedScheduledExecutorService> schedulers;

    @Inject
    Instance<ManagedThreadFactory> threadFactories;

    private ExecutorService executor;
    private ScheduledExecutorService scheduler;
    private ThreadFactory threadFactory;

    @PostConstruct
    void resolve() {
        executor = resolve(executors, ManagedExecutorService.class, List.of(
                "java:comp/DefaultManagedExecutorService", "concurrent/__defaultManagedExecutorService"));
        scheduler = resolve(schedulers, ManagedScheduledExecutorService.class, List.of(
                "java:comp/DefaultManagedScheduledExecutorService",
                "concurrent/__defaultManagedScheduledExecutorService"));
        threadFactory = resolve(threadFactories, ManagedThreadFactory.class, List.of(
                "java:comp/DefaultManagedThreadFactory", "concurrent/__defaultManagedThreadFactory"));
    }

    @Override
    public ExecutorService executor() {
        return executor;
    }

    @Override
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    @Override
    public ThreadFactory threadFactory() {
        return threadFactory;
    }

    private static <T> T resolve(Instance<T> beans, Class<T> type, List<String> jndiNames) {
        if (beans.isResolvable()) {
            return beans.get();
        }
        StringBuilder tried = new StringBuilder("CDI");
        for (String name : jndiNames) {
            try {
                Object found = new InitialContext().lookup(name);
                if (type.isInstance(found)) {
                    return type.cast(found);
                }
                tried.append(", ").append(name).append(" (a ").append(found.getClass().getName()).append(')');
            } catch (NamingException e) {
                tried.append(", ").append(name).append(" (").append(e.getMessage()).append(')');
            }
        }
        throw new IllegalStateException(MISSING + " no " + type.getSimpleName() + " in the container; tried " + tried);
    }
}
