package dev.tokenledger.platform.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hypersistence.utils.hibernate.type.util.ObjectMapperSupplier;

/**
 * Makes hypersistence-utils read and write JSONB columns with the application's mapper (named in
 * hypersistence-utils.properties), so decimals inside additional_details stay exact.
 */
public class DetailsMapperSupplier implements ObjectMapperSupplier {

    @Override
    public ObjectMapper get() {
        return Json.mapper();
    }
}
