package dev.tokenledger.testing;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Fresh, unique test data, so that tests never see each other's rows. */
public final class TestData {

    private TestData() {}

    public static String user() {
        return "user-" + UUID.randomUUID();
    }

    public static String requestId() {
        return "req-" + UUID.randomUUID();
    }

    /** A request log body as an API caller writes it. */
    public static Map<String, Object> log(
            String endUser, String model, long input, long output, String cost) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("input_tokens", input);
        details.put("output_tokens", output);
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("end_user", endUser);
        log.put("model", model);
        log.put("total_cost", cost == null ? null : new BigDecimal(cost));
        log.put("additional_details", details);
        return log;
    }
}
