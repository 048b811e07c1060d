package dev.tokenledger.ingest.boundary;

import dev.tokenledger.ingest.control.ModelPriceCatalog;
import dev.tokenledger.ingest.control.UnpricedRequests;
import dev.tokenledger.ingest.entity.ModelPrice;
import dev.tokenledger.ingest.entity.ModelPriceDraft;
import dev.tokenledger.ingest.entity.Repricing;
import dev.tokenledger.ingest.entity.UnpricedModel;
import dev.tokenledger.security.boundary.CallerTransaction;
import dev.tokenledger.security.entity.Caller;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The price catalog and the rows it has not priced yet: the service role's alone. Each call is one
 * transaction run as the caller, so row-level security checks it too.
 */
@Stateless
@CallerTransaction
public class PriceCatalogService {

    private static final Logger LOG = Logger.getLogger(PriceCatalogService.class);

    @Inject ModelPriceCatalog catalog;

    @Inject UnpricedRequests unpriced;

    public List<ModelPrice> list(Caller caller) {
        caller.requireService();
        return catalog.list();
    }

    public Optional<ModelPrice> find(Caller caller, UUID id) {
        caller.requireService();
        return catalog.find(id);
    }

    public ModelPrice add(Caller caller, ModelPriceDraft draft) {
        caller.requireService();
        ModelPrice price = catalog.add(draft);
        LOG.infof(
                "model price %s added: %s from %s",
                price.getId(), price.getModelPattern(), price.getValidFrom());
        return price;
    }

    public Optional<ModelPrice> replace(Caller caller, UUID id, ModelPriceDraft draft) {
        caller.requireService();
        Optional<ModelPrice> price = catalog.replace(id, draft);
        price.ifPresent(
                changed ->
                        LOG.infof(
                                "model price %s changed: %s from %s",
                                id, changed.getModelPattern(), changed.getValidFrom()));
        return price;
    }

    public boolean remove(Caller caller, UUID id) {
        caller.requireService();
        boolean removed = catalog.remove(id);
        if (removed) {
            LOG.infof("model price %s removed", id);
        }
        return removed;
    }

    public List<UnpricedModel> unpricedModels(Caller caller) {
        caller.requireService();
        return unpriced.models();
    }

    public Repricing recompute(Caller caller, Optional<String> model, boolean catalogPriced) {
        caller.requireService();
        Repricing result = unpriced.recompute(model, catalogPriced);
        LOG.infof(
                "recomputed costs from the catalog%s: %d priced, %d unpriced again, %d still"
                        + " unpriced",
                model.map(name -> " for one model").orElse(""),
                result.priced(),
                result.unpricedAgain(),
                result.stillUnpriced());
        return result;
    }
}
