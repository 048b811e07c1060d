package dev.tokenledger.ingest.boundary;

import dev.tokenledger.ingest.control.DeadLetterFinder;
import dev.tokenledger.ingest.entity.DeadLetter;
import dev.tokenledger.ingest.entity.DeadLetterKind;
import dev.tokenledger.requestlog.entity.PageCursor;
import dev.tokenledger.security.boundary.CallerTransaction;
import dev.tokenledger.security.entity.Caller;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Reads and clears dead letters: the service role's alone, here and in the database. */
@Stateless
@CallerTransaction
public class DeadLetterService {

    private static final Logger LOG = Logger.getLogger(DeadLetterService.class);

    @Inject DeadLetterFinder finder;

    public List<DeadLetter> list(
            Caller caller,
            Optional<UUID> delivery,
            Optional<DeadLetterKind> kind,
            Optional<PageCursor> after,
            int limit) {
        caller.requireService();
        return finder.list(delivery, kind, after, limit);
    }

    public Optional<DeadLetter> find(Caller caller, UUID id) {
        caller.requireService();
        return finder.find(id);
    }

    public boolean delete(Caller caller, UUID id) {
        caller.requireService();
        boolean deleted = finder.delete(id);
        if (deleted) {
            LOG.infof("dead letter %s deleted", id);
        }
        return deleted;
    }
}
