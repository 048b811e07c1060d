package dev.tokenledger.requestlog.control;

import dev.tokenledger.platform.problem.ProblemException;
import dev.tokenledger.platform.problem.Violation;
import dev.tokenledger.requestlog.entity.RequestLogRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ledger's own API takes a batch all or nothing, so a batch that repeats a request_id with
 * different content is refused before anything is written. A repeat with the same content is
 * allowed: the writer stores the first and answers the repeat as its duplicate. Gateways, which
 * cannot resend a refused delivery, skip this check and get such a repeat answered as a conflict.
 */
public final class BatchKeys {

    private BatchKeys() {}

    /** Refuses the whole batch when a request_id repeats with different content. */
    public static void refuseRepeatsWithOtherContent(List<RequestLogRow> rows, boolean single) {
        Map<String, byte[]> firstContent = new HashMap<>();
        List<Violation> clashes = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            RequestLogRow row = rows.get(i);
            String key = row.content().requestId();
            if (key == null) {
                continue;
            }
            byte[] first = firstContent.putIfAbsent(key, row.contentHash());
            if (first != null && !Arrays.equals(first, row.contentHash())) {
                clashes.add(
                        Violation.atPointer(
                                (single ? "" : "/" + i) + "/request_id",
                                "repeats an earlier request_id of this batch with different"
                                        + " content."));
            }
        }
        if (!clashes.isEmpty()) {
            throw ProblemException.invalid(clashes);
        }
    }
}
