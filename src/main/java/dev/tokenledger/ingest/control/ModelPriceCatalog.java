package dev.tokenledger.ingest.control;

import dev.tokenledger.ingest.entity.ModelPrice;
import dev.tokenledger.ingest.entity.ModelPriceDraft;
import dev.tokenledger.platform.problem.ProblemException;
import dev.tokenledger.platform.problem.Violation;
import dev.tokenledger.requestlog.control.RequestLogIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The price catalog's entries through JPA, in the caller's transaction. A pattern has at most one
 * price per valid_from date; the table's unique constraint guards the same rule against concurrent
 * writers.
 */
@ApplicationScoped
public class ModelPriceCatalog {

    @PersistenceContext(unitName = "tokenledger")
    EntityManager entityManager;

    public List<ModelPrice> list() {
        return entityManager
                .createQuery(
                        "select p from ModelPrice p"
                                + " order by p.modelPattern, p.validFrom desc, p.id",
                        ModelPrice.class)
                .getResultList();
    }

    public Optional<ModelPrice> find(UUID id) {
        return Optional.ofNullable(entityManager.find(ModelPrice.class, id));
    }

    public ModelPrice add(ModelPriceDraft draft) {
        refuseTwin(draft, null);
        ModelPrice price = new ModelPrice(RequestLogIds.next(), draft, now());
        entityManager.persist(price);
        entityManager.flush();
        return price;
    }

    public Optional<ModelPrice> replace(UUID id, ModelPriceDraft draft) {
        Optional<ModelPrice> price = find(id);
        price.ifPresent(
                found -> {
                    refuseTwin(draft, id);
                    found.apply(draft, now());
                    entityManager.flush();
                });
        return price;
    }

    public boolean remove(UUID id) {
        Optional<ModelPrice> price = find(id);
        price.ifPresent(entityManager::remove);
        return price.isPresent();
    }

    private void refuseTwin(ModelPriceDraft draft, UUID except) {
        List<UUID> twins =
                entityManager
                        .createQuery(
                                "select p.id from ModelPrice p where p.modelPattern = :pattern and"
                                        + " p.validFrom = :from",
                                UUID.class)
                        .setParameter("pattern", draft.modelPattern())
                        .setParameter("from", draft.validFrom())
                        .getResultStream()
                        .filter(id -> !id.equals(except))
                        .toList();
        if (!twins.isEmpty()) {
            throw ProblemException.conflict(
                    "The catalog already has a price for this pattern"
                            + " from this date: "
                            + twins.get(0)
                            + "; change that one instead.",
                    List.of(
                            Violation.atPointer(
                                    "/valid_from",
                                    "already has a price for " + draft.modelPattern() + ".")));
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
