package org.yuxun.shared.jobs;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yuxun.shared.DataScope;
import org.yuxun.shared.InvalidInput;
import org.yuxun.shared.database.ScopedDataSource;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Background jobs in the {@code job} table (docs/adr/0005-background-jobs.md): imports, bulk issuance and reports
 * that take longer than a request. Every node polls for due jobs and claims one with
 * {@code select … for update skip locked}, so two nodes never run the same job; a claimed job keeps a heartbeat,
 * and a job whose heartbeat has stopped for {@value #STALE_MINUTES} minutes (its node died) is claimed again by
 * the next poll. A job runs in the data scope of the user who submitted it, stored with the job, so it can see
 * and change exactly what its owner could; only its owner sees it (policy {@code job_scope}).
 */
@Service
public class Jobs implements SmartLifecycle {

    /** Minutes without a heartbeat after which a running job is taken to be orphaned and runs again. */
    static final int STALE_MINUTES = 2;

    /** Jobs one node runs at once: imports are database-bound, so more threads would only queue in PostgreSQL. */
    private static final int THREADS = 4;
    private static final long POLL_SECONDS = 5;
    private static final long HEARTBEAT_SECONDS = 30;
    private static final Logger log = LoggerFactory.getLogger(Jobs.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final TransactionTemplate separate;
    private final org.springframework.beans.factory.ObjectProvider<JobHandler> handlerBeans;
    private volatile Map<String, JobHandler> handlers;
    private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();
    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean started = new AtomicBoolean();
    private ExecutorService workers;
    private ScheduledExecutorService poller;

    Jobs(JdbcClient jdbc, PlatformTransactionManager transactions,
         org.springframework.beans.factory.ObjectProvider<JobHandler> handlers) {
        this.jdbc = jdbc;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.handlerBeans = handlers;
    }

    /** The handlers, looked up on first use: they may themselves submit jobs, so they cannot be constructed first. */
    private Map<String, JobHandler> handlers() {
        Map<String, JobHandler> known = handlers;
        if (known == null) {
            known = handlerBeans.orderedStream()
                    .collect(Collectors.toMap(JobHandler::kind, Function.identity()));
            handlers = known;
        }
        return known;
    }

    /**
     * Queues a job for the signed-in user. When called inside a transaction the job becomes visible to the
     * runners when that transaction commits, so a job never starts on data its submitter has not yet saved.
     *
     * @param totalHint the expected amount of work (for example rows), shown as progress; may be null
     * @return the job's id
     */
    public long submit(String kind, Map<String, ?> parameters, Long totalHint) {
        if (!handlers().containsKey(kind)) {
            throw new IllegalArgumentException("No handler for job kind " + kind);
        }
        DataScope scope = ScopedDataSource.currentScope();
        String owner = SecurityContextHolder.getContext().getAuthentication() == null ? null
                : SecurityContextHolder.getContext().getAuthentication().getName();
        long id = jdbc.sql("""
                        insert into job (kind, parameters, owner_id, owner_name, scope, progress_total)
                        values (?, cast(? as jsonb), ?, ?, cast(? as jsonb), ?) returning id""")
                .params(kind, json.writeValueAsString(parameters), scope.userId(), owner,
                        json.writeValueAsString(scope), totalHint)
                .query(Long.class).single();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake();
                }
            });
        } else {
            wake();
        }
        return id;
    }

    /** The job, if the caller owns it (or may see every job). */
    public Optional<JobView> find(long id) {
        return jdbc.sql("""
                        select id, kind, state, progress_done, progress_total, result::text as result, error,
                               created_at, finished_at
                        from job where id = ?""")
                .param(id)
                .query((rs, n) -> new JobView(rs.getLong("id"), rs.getString("kind"),
                        JobView.State.valueOf(rs.getString("state")), rs.getLong("progress_done"),
                        (Long) rs.getObject("progress_total"), readMap(rs.getString("result")),
                        rs.getString("error"), instant(rs.getObject("created_at", OffsetDateTime.class)),
                        instant(rs.getObject("finished_at", OffsetDateTime.class))))
                .optional();
    }

    /** The parameters the job was submitted with, if the caller owns it. */
    public Optional<Map<String, Object>> parameters(long id) {
        return jdbc.sql("select parameters::text from job where id = ?").param(id).query(String.class).optional()
                .map(this::readMap);
    }

    /**
     * Adds or replaces one parameter of a job the caller owns, for example the job that followed it.
     */
    public void updateParameter(long id, String name, Object value) {
        jdbc.sql("update job set parameters = parameters || jsonb_build_object(?::text, cast(? as jsonb)) where id = ?")
                .params(name, json.writeValueAsString(value), id).update();
    }

    /** Claims and starts due jobs while this node has free workers. */
    void poll() {
        try {
            while (started.get() && running.size() < THREADS) {
                Optional<Claimed> claimed = claim();
                if (claimed.isEmpty()) {
                    return;
                }
                Claimed job = claimed.get();
                running.add(job.id());
                workers.execute(() -> {
                    try {
                        run(job);
                    } finally {
                        running.remove(job.id());
                        wake();
                    }
                });
            }
        } catch (RuntimeException e) {
            log.warn("Polling for jobs failed", e);
        }
    }

    private Optional<Claimed> claim() {
        return DataScope.asSystem(() -> separate.execute(status -> jdbc.sql("""
                        update job set state = 'RUNNING', started_at = coalesce(started_at, now()),
                                       heartbeat_at = now()
                        where id = (select id from job
                                    where state = 'QUEUED'
                                       or (state = 'RUNNING' and heartbeat_at < now() - make_interval(mins => ?))
                                    order by created_at, id
                                    limit 1
                                    for update skip locked)
                        returning id, kind, parameters::text as parameters, scope::text as scope, owner_name""")
                .param(STALE_MINUTES)
                .query((rs, n) -> new Claimed(rs.getLong("id"), rs.getString("kind"), rs.getString("parameters"),
                        rs.getString("scope"), rs.getString("owner_name")))
                .optional()));
    }

    private void run(Claimed job) {
        JobHandler handler = handlers().get(job.kind());
        DataScope scope = json.readValue(job.scope(), DataScope.class);
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        JobPrincipal principal = new JobPrincipal(job.owner() == null ? "job" : job.owner(), scope);
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of()));
        SecurityContextHolder.setContext(context);
        try {
            if (handler == null) {
                finish(job.id(), null, "没有可以执行该任务的处理程序");
                return;
            }
            JobContext jobContext = new JobContext(job.id(), readMap(job.parameters()),
                    (done, total) -> progress(job.id(), done, total));
            Object result = DataScope.as(scope, () -> handler.run(jobContext));
            finish(job.id(), result, null);
        } catch (InvalidInput e) {
            finish(job.id(), null, e.getMessage());
        } catch (RuntimeException e) {
            log.error("Job {} ({}) failed", job.id(), job.kind(), e);
            finish(job.id(), null, "任务执行失败，请稍后重试或联系管理员");
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private void progress(long id, long done, Long total) {
        DataScope.asSystem(() -> separate.executeWithoutResult(status -> jdbc.sql("""
                        update job set progress_done = ?, progress_total = coalesce(?, progress_total),
                                       heartbeat_at = now()
                        where id = ?""")
                .params(done, total, id).update()));
    }

    private void finish(long id, Object result, String error) {
        DataScope.asSystem(() -> separate.executeWithoutResult(status -> jdbc.sql("""
                        update job set state = ?, result = cast(? as jsonb), error = ?, finished_at = now(),
                                       heartbeat_at = now(),
                                       progress_done = case when ? then coalesce(progress_total, progress_done)
                                                            else progress_done end
                        where id = ?""")
                .params(error == null ? "SUCCEEDED" : "FAILED",
                        result == null ? null : json.writeValueAsString(result), error, error == null, id)
                .update()));
    }

    private void heartbeat() {
        List<Long> ids = List.copyOf(running);
        if (ids.isEmpty()) {
            return;
        }
        try {
            DataScope.asSystem(() -> separate.executeWithoutResult(status -> jdbc
                    .sql("update job set heartbeat_at = now() where id = any(?) and state = 'RUNNING'")
                    .param(ids.toArray(Long[]::new)).update()));
        } catch (RuntimeException e) {
            log.warn("Job heartbeat failed", e);
        }
    }

    private void wake() {
        if (started.get()) {
            poller.execute(this::poll);
        }
    }

    private Map<String, Object> readMap(String text) {
        return text == null ? null : json.readValue(text, MAP);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    @Override
    public void start() {
        if (started.compareAndSet(false, true)) {
            workers = Executors.newFixedThreadPool(THREADS, Thread.ofPlatform().name("job-", 0).daemon().factory());
            poller = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("job-poller").daemon()
                    .factory());
            poller.scheduleWithFixedDelay(this::poll, 0, POLL_SECONDS, TimeUnit.SECONDS);
            poller.scheduleWithFixedDelay(this::heartbeat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Override
    public void stop() {
        if (started.compareAndSet(true, false)) {
            poller.shutdownNow();
            workers.shutdown();
            try {
                workers.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return started.get();
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    private record Claimed(long id, String kind, String parameters, String scope, String owner) {
    }
}
