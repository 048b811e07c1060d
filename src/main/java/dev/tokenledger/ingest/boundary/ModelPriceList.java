package dev.tokenledger.ingest.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The whole catalog, by pattern and then newest valid_from first. */
@Schema(name = "ModelPriceList")
public record ModelPriceList(List<ModelPriceView> items) {}
