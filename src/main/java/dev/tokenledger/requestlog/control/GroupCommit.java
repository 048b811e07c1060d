package dev.tokenledger.requestlog.control;

import dev.tokenledger.platform.health.HealthContributor;
import dev.tokenledger.platform.problem.ProblemException;
import dev.tokenledger.requestlog.entity.RequestLogRow;
import dev.tokenledger.requestlog.entity.WriteOutcome;
import dev.tokenledger.security.entity.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Group commit for single-row writes. Each commit waits for the disk, so one transaction per
 * request caps throughput at the disk's commit rate; here concurrent requests share commits. A
 * request queues its row and waits; a writer thread takes everything queued, writes it in one
 * transaction (each caller's rows under that caller's own database identity, see {@link
 * GroupWrite}) and answers every request once the transaction has committed, never before. While a
 * batch is being written the next one gathers, so a lone request waits for no timer and a busy
 * server writes in large batches.
 */
@ApplicationScoped
public class GroupCommit implements HealthContributor {

    private static final Logger LOG = Logger.getLogger(GroupCommit.class);
    static final int MAX_BATCH = 500;

    @Resource ManagedThreadFactory threads;

    @Inject GroupWrite write;

    @Inject
    @ConfigProperty(name = "tokenledger.write.group-commit-writers", defaultValue = "2")
    int writers;

    @Inject
    @ConfigProperty(name = "tokenledger.write.queue-capacity", defaultValue = "20000")
    int capacity;

    private BlockingQueue<Submission> queue;
    private final List<Thread> running = new ArrayList<>();
    private volatile boolean open = true;

    @PostConstruct
    void start() {
        queue = new ArrayBlockingQueue<>(capacity);
        for (int i = 0; i < writers; i++) {
            Thread writer = threads.newThread(this::writeUntilClosed);
            writer.setName("request-log-writer-" + i);
            writer.start();
            running.add(writer);
        }
        LOG.infof("group commit started: %d writers, up to %d rows per commit", writers, MAX_BATCH);
    }

    @Override
    public Optional<String> problem() {
        long alive = running.stream().filter(Thread::isAlive).count();
        return alive == running.size() || !open
                ? Optional.empty()
                : Optional.of(
                        "only "
                                + alive
                                + " of "
                                + running.size()
                                + " request-log writer threads are running; single-row writes"
                                + " stall");
    }

    /** Completes once the row's transaction committed, or with the reason it did not. */
    public CompletableFuture<WriteOutcome> submit(Caller caller, RequestLogRow row) {
        Submission submission = new Submission(caller, row, new CompletableFuture<>());
        if (!open || !queue.offer(submission)) {
            throw ProblemException.unavailable(
                    "The server is writing as fast as it can; retry"
                            + " shortly. Nothing was stored.");
        }
        return submission.result();
    }

    private void writeUntilClosed() {
        List<Submission> batch = new ArrayList<>(MAX_BATCH);
        while (open || !queue.isEmpty()) {
            try {
                Submission first = queue.poll(1, TimeUnit.SECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, MAX_BATCH - 1);
                    write.commit(batch);
                }
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error unexpected) {
                // Even an OutOfMemoryError elsewhere must not leave single-row writes without a
                // writer: the batch fails, the writer goes on.
                LOG.errorf(unexpected, "group commit writer failed on %d rows", batch.size());
                batch.forEach(s -> s.result().completeExceptionally(unexpected));
            } finally {
                batch.clear();
            }
        }
    }

    @PreDestroy
    void stop() {
        open = false;
        for (Thread writer : running) {
            try {
                writer.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        Submission left;
        while ((left = queue.poll()) != null) {
            left.result()
                    .completeExceptionally(
                            ProblemException.unavailable(
                                    "The server is shutting down; nothing was stored."));
        }
    }

    /** One request's row, waiting for its commit. */
    public record Submission(
            Caller caller, RequestLogRow row, CompletableFuture<WriteOutcome> result) {}
}
