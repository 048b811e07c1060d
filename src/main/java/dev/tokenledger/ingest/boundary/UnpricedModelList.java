package dev.tokenledger.ingest.boundary;

import dev.tokenledger.ingest.entity.UnpricedModel;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Models with rows the catalog has not priced, most requests first. */
@Schema(name = "UnpricedModelList")
public record UnpricedModelList(List<UnpricedModel> items) {}
