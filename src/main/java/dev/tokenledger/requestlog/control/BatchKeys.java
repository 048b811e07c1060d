package dev.tokenledger.requestlog.control;

import dev.tokenledger.platform.problem.ProblemException;
import dev.tokenledger.platform.problem.Violation;
import dev.tokenledger.requestlog.entity.RequestLogRow;
import dev.tokenledger.requestlog.entity.WriteOutcome;
import dev.tokenledger.requestlog.entity.WriteOutcome.Result;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch may repeat a request_id (a gateway resending inside one batch): the first occurrence is
 * written, later ones with the same content are its duplicates. A later one with different content
 * is refused with the whole batch by the ledger's own API ({@link #of}); gateways, which cannot
 * resend a refused batch, get it reported as a conflict instead ({@link #tolerant}). This folds a
 * batch to distinct keys and unfolds the outcomes again.
 */
public final class BatchKeys {

    private final List<RequestLogRow> distinct;
    private final int[] source;
    private final boolean[] clash;

    private BatchKeys(List<RequestLogRow> distinct, int[] source, boolean[] clash) {
        this.distinct = distinct;
        this.source = source;
        this.clash = clash;
    }

    /** Refuses the whole batch when a request_id repeats with different content. */
    public static BatchKeys of(List<RequestLogRow> rows, boolean single) {
        BatchKeys keys = fold(rows);
        List<Violation> clashes = new ArrayList<>();
        for (int i = 0; i < keys.clash.length; i++) {
            if (keys.clash[i]) {
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
        return keys;
    }

    /** A row repeating a request_id with different content comes out as a conflict. */
    public static BatchKeys tolerant(List<RequestLogRow> rows) {
        return fold(rows);
    }

    private static BatchKeys fold(List<RequestLogRow> rows) {
        List<RequestLogRow> distinct = new ArrayList<>();
        Map<String, Integer> firstByKey = new HashMap<>();
        int[] source = new int[rows.size()];
        boolean[] clash = new boolean[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            RequestLogRow row = rows.get(i);
            String key = row.content().requestId();
            Integer first = key == null ? null : firstByKey.get(key);
            if (first == null) {
                if (key != null) {
                    firstByKey.put(key, distinct.size());
                }
                source[i] = distinct.size();
                distinct.add(row);
            } else {
                source[i] = -1 - first;
                clash[i] = !Arrays.equals(distinct.get(first).contentHash(), row.contentHash());
            }
        }
        return new BatchKeys(distinct, source, clash);
    }

    public List<RequestLogRow> distinctRows() {
        return distinct;
    }

    /** One outcome per original row, given one per distinct row. */
    public List<WriteOutcome> expand(List<WriteOutcome> written) {
        List<WriteOutcome> outcomes = new ArrayList<>(source.length);
        for (int i = 0; i < source.length; i++) {
            int index = source[i];
            if (index >= 0) {
                outcomes.add(written.get(index));
            } else {
                WriteOutcome first = written.get(-1 - index);
                Result result =
                        first.result() == Result.REFUSED
                                ? Result.REFUSED
                                : clash[i] || first.result() == Result.CONFLICT
                                        ? Result.CONFLICT
                                        : Result.DUPLICATE;
                outcomes.add(new WriteOutcome(first.id(), first.requestId(), result));
            }
        }
        return outcomes;
    }
}
