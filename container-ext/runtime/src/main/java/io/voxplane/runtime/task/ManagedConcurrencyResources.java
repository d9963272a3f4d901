package io.voxplane.runtime.task;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import io.voxplane.runtime.config.ConfigurationException;
import org.eclipse.microprofile.config.Config;

/**
 * Voxplane's executors in the container: a worker pool (bus deliveries, handlers) and a timer
 * pool (SIP and media timers), both made of threads from the Jakarta Concurrency default
 * {@link ManagedThreadFactory}, so each thread carries the deployment's context (class loader,
 * naming) from its creation.
 *
 * <p>Why not the container's ManagedExecutorService and ManagedScheduledExecutorService: they
 * capture and restore the context for every task, and Payara 7 does that with a ServiceLoader
 * scan of the deployment's class path (measured: BYEs at shutdown left 50-60 ms apart, every SIP
 * timer paying the scan). A pool over the managed thread factory pays it once per thread. The
 * pools are this bean's: they end with the deployment ({@link PreDestroy}), after the planes'
 * phased shutdown, and their threads are named {@code voxplane-worker-N} and
 * {@code voxplane-timer-N} so a leak check finds them.
 *
 * <p>The thread factory is taken as a CDI bean when the container offers one (Concurrency 3.1,
 * Jakarta EE 11), else looked up under {@code java:comp/DefaultManagedThreadFactory}, else under
 * GlassFish's global name. None found fails the start with {@value #MISSING}.
 */
@ApplicationScoped
public class ManagedConcurrencyResources implements ConcurrencyResources {

    /** Code of a missing Concurrency resource. */
    public static final String MISSING = "VXRT-005";

    /** Key of the worker pool's size. */
    public static final String WORKER_THREADS = "voxplane.tasks.worker-threads";

    /** Key of the timer pool's size. */
    public static final String TIMER_THREADS = "voxplane.tasks.timer-threads";

    /**
     * Four workers per core, at least eight: deliveries are short, but app handlers may block on
     * a Hazelcast map or a database, and the bus keeps a call's events in order on whichever
     * worker is free. Key {@value #WORKER_THREADS}.
     */
    public static final int DEFAULT_WORKER_THREADS = Math.max(8, 4 * Runtime.getRuntime().availableProcessors());

    /**
     * Two timer threads: a timer task only hands work on (a retransmission write, a bus event),
     * so one thread keeps up with hundreds of thousands of timers; the second covers a slow one.
     * Key {@value #TIMER_THREADS}.
     */
    public static final int DEFAULT_TIMER_THREADS = 2;

    /** How long stopping waits for the pools' threads to end. */
    private static final long STOP_WAIT_SECONDS = 5;

    private static final System.Logger LOG = System.getLogger(ManagedConcurrencyResources.class.getName());

    @Inject
    Instance<ManagedThreadFactory> threadFactories;

    @Inject
    Config config;

    private ThreadPoolExecutor executor;
    private ScheduledThreadPoolExecutor scheduler;
    private ThreadFactory threadFactory;

    @PostConstruct
    void resolve() {
        threadFactory = resolve(threadFactories, ManagedThreadFactory.class, List.of(
                "java:comp/DefaultManagedThreadFactory", "concurrent/__defaultManagedThreadFactory"));
        int workers = size(WORKER_THREADS, DEFAULT_WORKER_THREADS);
        int timers = size(TIMER_THREADS, DEFAULT_TIMER_THREADS);
        executor = new ThreadPoolExecutor(workers, workers, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                named(threadFactory, "voxplane-worker-"));
        executor.allowCoreThreadTimeOut(true);
        scheduler = new ScheduledThreadPoolExecutor(timers, named(threadFactory, "voxplane-timer-"));
        // Most SIP timers are cancelled (a transaction ends before its timeout): drop them at once.
        scheduler.setRemoveOnCancelPolicy(true);
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @PreDestroy
    void stop() {
        if (!end(Duration.ofSeconds(STOP_WAIT_SECONDS))) {
            LOG.log(Level.WARNING, "VXRT-006 Voxplane worker or timer threads still running "
                    + STOP_WAIT_SECONDS + " s after stop");
        }
    }

    /**
     * Ends both pools (queued and delayed tasks dropped, running ones interrupted) and waits up
     * to {@code timeout} for their threads. Called from a pool thread it does not wait (a thread
     * cannot wait for its own end).
     */
    @Override
    public boolean end(Duration timeout) {
        scheduler.shutdownNow();
        executor.shutdownNow();
        if (Thread.currentThread().getName().startsWith(TaskTracker.THREAD_NAME_PREFIX)) {
            return false;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            return scheduler.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS)
                    && executor.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
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

    private int size(String key, int fallback) {
        String value = config.getOptionalValue(key, String.class).orElse(null);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= 1) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigurationException(key, value, "a whole number of threads, at least 1", null);
    }

    private static ThreadFactory named(ThreadFactory factory, String prefix) {
        AtomicInteger number = new AtomicInteger();
        return task -> {
            Thread thread = factory.newThread(task);
            thread.setName(prefix + number.incrementAndGet());
            return thread;
        };
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
